// The example stacks, synthesized with their placeholder settings: the
// examples read settings from the environment, so tests clear those first.
import { App, TerraformStack, Testing } from 'cdktf';
import { FlaskExampleStack, FlaskImagesStack } from '../examples/flask/stack';
import { GrafanaExampleStack } from '../examples/grafana/stack';

/** Settings the examples read from the environment; unset, they use their placeholders. */
export const EXAMPLE_SETTINGS = /^(CLOUDFLARE_|AWS_REGION$|FLASK_|GRAFANA_|GOOGLE_)/;

/** Removes the examples' settings from this process's environment. */
export function clearExampleSettings(): void {
  for (const name of Object.keys(process.env)) {
    if (EXAMPLE_SETTINGS.test(name)) delete process.env[name];
  }
}

/** Each example by name, built into an app: the stack whose output the baselines in test/change-safety record. */
export const EXAMPLE_STACKS: Array<[string, (app: App) => TerraformStack]> = [
  ['flask', (app) => new FlaskExampleStack(app, 'flask')],
  ['grafana', (app) => new GrafanaExampleStack(app, 'grafana')],
];

/**
 * The stacks an example deploys next to its stack, each with a state of its own, by example name:
 * the Flask example's ECR repositories are in `flask-images` (the last release had them in `flask`).
 */
export const EXAMPLE_COMPANION_STACKS: Record<string, Array<[string, (app: App) => TerraformStack]>> = {
  flask: [['flask-images', (app) => new FlaskImagesStack(app, 'flask-images')]],
};

/**
 * An example's stack and its companion stacks synthesized into one app, and merged into one
 * document: every resource, data source and output that exists across their states, at its
 * address (an address may exist in one of them only). Providers and the `terraform` block are
 * the example stack's.
 */
export function synthesizeAcrossStates(name: string, build: (app: App) => TerraformStack): any {
  const app = Testing.app();
  const stacks = [build(app), ...(EXAMPLE_COMPANION_STACKS[name] ?? []).map(([, companion]) => companion(app))];
  const [merged, ...others] = stacks.map((stack) => JSON.parse(Testing.synth(stack)));
  const add = (target: Record<string, any>, source: Record<string, any>, where: string) => {
    for (const [key, value] of Object.entries(source)) {
      if (key in target) throw new Error(`${where}${key} is in two of the ${name} example's stacks`);
      target[key] = value;
    }
  };
  for (const other of others) {
    for (const block of ['resource', 'data']) {
      for (const [type, byId] of Object.entries<Record<string, any>>(other[block] ?? {})) {
        merged[block] ??= {};
        merged[block][type] ??= {};
        add(merged[block][type], byId, `${block === 'data' ? 'data.' : ''}${type}.`);
      }
    }
    merged.output ??= {};
    add(merged.output, other.output ?? {}, 'output ');
  }
  return merged;
}
