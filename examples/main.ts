// The root `cdktf synth` synthesizes every example into ./cdktf.out.
import { App } from 'cdktf';
import { FlaskBuildStack, FlaskExampleStack, FlaskImagesStack } from './flask/stack';
import { GrafanaExampleStack } from './grafana/stack';

const app = new App();
// The Flask example in one deploy: the image is built from examples/flask/app during `cdktf deploy flask-build`.
new FlaskBuildStack(app, 'flask-build');
// Or in two: the ECR repositories first, the images pushed there, then `flask`.
new FlaskImagesStack(app, 'flask-images');
new FlaskExampleStack(app, 'flask');
new GrafanaExampleStack(app, 'grafana');
app.synth();
