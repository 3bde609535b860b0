// The root `cdktf synth` synthesizes every example into ./cdktf.out.
import { App } from 'cdktf';
import { FlaskExampleStack } from './flask/stack';
import { GrafanaExampleStack } from './grafana/stack';

const app = new App();
new FlaskExampleStack(app, 'flask');
new GrafanaExampleStack(app, 'grafana');
app.synth();
