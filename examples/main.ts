// Synthesizes every example stack into ./cdktf.out (root `npx cdktf synth`).
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { PinnedVersions } from '../src';

// Placeholder until the Flask and Grafana examples exist.
const app = new App();
const stack = new TerraformStack(app, 'placeholder');
new RandomProvider(stack, 'random');
stack.addOverride('locals.cloudflared_version', PinnedVersions.CLOUDFLARED);
app.synth();
