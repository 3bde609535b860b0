#!/usr/bin/env node
/**
 * The command-line tool of the package: `cdktf-zero-trust-fargate access-report`.
 * Not part of the construct API.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { AccessReport } from './access/access-report';

const USAGE = `Usage: cdktf-zero-trust-fargate access-report <stack folder, cdktf.out or cdk.tf.json> [--json] [--fail-on-open] [--fail-on-unknown]

Prints who gets in at each URL of the synthesized stacks, from what Terraform will apply.
  --json             print the report as JSON
  --fail-on-open     exit 1 when a URL admits anyone who can log in, anyone without login or any service token of the
                     account with no opt-in recorded, or has a configuration the constructs refuse (a DENY that locks
                     everyone out, a path without its hostname's DENY policies, ...)
  --fail-on-unknown  exit 1 when a way in is not known from the configuration (policies or groups made elsewhere)
`;

/** The `cdk.tf.json` files a path names: the file, a stack folder, or every stack of a cdktf.out folder. */
function stackFiles(path: string): string[] {
  if (!existsSync(path)) {
    throw new Error(`No such file or folder: ${path}`);
  }
  if (statSync(path).isFile()) {
    return [path];
  }
  if (existsSync(join(path, 'cdk.tf.json'))) {
    return [join(path, 'cdk.tf.json')];
  }
  const stacks = existsSync(join(path, 'stacks')) ? join(path, 'stacks') : path;
  const files = readdirSync(stacks).map((name) => join(stacks, name, 'cdk.tf.json')).filter((file) => existsSync(file));
  if (files.length === 0) {
    throw new Error(`No cdk.tf.json in ${path}: name a stack folder (cdktf.out/stacks/<stack>), cdktf.out, or the file; run cdktf synth first.`);
  }
  return files.sort();
}

function main(args: string[]): number {
  const [command, ...rest] = args;
  const flags = rest.filter((arg) => arg.startsWith('--'));
  const paths = rest.filter((arg) => !arg.startsWith('--'));
  const unknownFlag = flags.find((flag) => !['--json', '--fail-on-open', '--fail-on-unknown'].includes(flag));
  if (command !== 'access-report' || paths.length !== 1 || unknownFlag !== undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  const reports = stackFiles(paths[0]).map((file) => ({ file, report: AccessReport.fromSynthesizedJson(readFileSync(file, 'utf8')) }));
  if (flags.includes('--json')) {
    process.stdout.write(`${JSON.stringify(reports.map(({ file, report }) => ({ file, ...JSON.parse(report.toJson()) })), undefined, 2)}\n`);
  } else {
    reports.forEach(({ file, report }) => process.stdout.write(`# ${file}\n${report.toText()}\n`));
  }
  const open = reports.flatMap(({ report }) => report.openWithoutOptIn());
  const unknown = reports.flatMap(({ report }) => report.unknown());
  const problems = reports.flatMap(({ report }) => report.problems());
  if (flags.includes('--fail-on-open') && (open.length > 0 || problems.length > 0)) {
    process.stderr.write([
      ...(open.length > 0 ? [`Open without opt-in: ${open.join('; ')}`] : []),
      ...(problems.length > 0 ? [`Refused by the Access model: ${problems.join('; ')}`] : []),
    ].join('\n') + '\n');
    return 1;
  }
  if (flags.includes('--fail-on-unknown') && unknown.length > 0) {
    process.stderr.write(`Not known from the configuration: ${unknown.join('; ')}\n`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 2;
}
