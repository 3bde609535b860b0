// `cdktf synth` in this folder synthesizes the Grafana example alone.
import { App } from 'cdktf';
import { GrafanaExampleStack } from './stack';

const app = new App();
new GrafanaExampleStack(app, 'grafana');
app.synth();
