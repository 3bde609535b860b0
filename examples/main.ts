// The root `cdktf synth` synthesizes every example into ./cdktf.out.
import { App } from 'cdktf';
import { FlaskExampleStack, FlaskImagesStack } from './flask/stack';
import { GrafanaExampleStack } from './grafana/stack';

const app = new App();
// The Flask example's ECR repositories first: its images are pushed there before `flask` is deployed.
new FlaskImagesStack(app, 'flask-images');
new FlaskExampleStack(app, 'flask');
new GrafanaExampleStack(app, 'grafana');
app.synth();
