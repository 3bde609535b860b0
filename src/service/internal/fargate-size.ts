import { PropPath } from '../../core/prop-path';
import { invalid } from '../../core/validation';

/**
 * Valid Fargate task sizes: task CPU units -> allowed memory values in MiB.
 * Source: the "Task CPU and memory" table of the Amazon ECS developer guide.
 */
const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) {
    values.push(v);
  }
  return values;
}

/**
 * Task memory (MiB) when none is given: the smallest value Fargate accepts for
 * `cpu` (twice the CPU units), so that setting only `cpu` is enough.
 */
export function defaultMemory(cpu: number): number {
  return FARGATE_SIZES.get(cpu)?.[0] ?? 2 * cpu;
}

/** Fails unless `cpu`/`memory` is a task size that Fargate accepts. */
export function validateFargateSize(cpu: number, memory: number, path: PropPath): void {
  const memoryValues = FARGATE_SIZES.get(cpu);
  if (memoryValues === undefined) {
    invalid(path.of('cpu'), cpu, `Fargate accepts task CPU values ${[...FARGATE_SIZES.keys()].join(', ')}.`);
  }
  if (!memoryValues.includes(memory)) {
    invalid(path.of('memory'), memory, `With cpu ${cpu}, Fargate accepts memory values (MiB) ${memoryValues.join(', ')}.`);
  }
}
