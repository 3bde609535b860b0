// The two example stacks, synthesized with their placeholder settings: the
// examples read settings from the environment, so tests clear those first.
import { App, TerraformStack } from 'cdktf';
import { FlaskExampleStack } from '../examples/flask/stack';
import { GrafanaExampleStack } from '../examples/grafana/stack';

/** Settings the examples read from the environment; unset, they use their placeholders. */
export const EXAMPLE_SETTINGS = /^(CLOUDFLARE_|AWS_REGION$|FLASK_|GRAFANA_|GOOGLE_)/;

/** Removes the examples' settings from this process's environment. */
export function clearExampleSettings(): void {
  for (const name of Object.keys(process.env)) {
    if (EXAMPLE_SETTINGS.test(name)) delete process.env[name];
  }
}

/** Each example by name, built into an app. */
export const EXAMPLE_STACKS: Array<[string, (app: App) => TerraformStack]> = [
  ['flask', (app) => new FlaskExampleStack(app, 'flask')],
  ['grafana', (app) => new GrafanaExampleStack(app, 'grafana')],
];
