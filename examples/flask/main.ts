// `cdktf synth` in this folder synthesizes the Flask example alone: the
// one-deploy stack `flask-build`, or the two stacks `flask-images` and `flask`,
// deployed in this order (see README.md). Deploy one way, not both.
import { App } from 'cdktf';
import { FlaskBuildStack, FlaskExampleStack, FlaskImagesStack } from './stack';

const app = new App();
new FlaskBuildStack(app, 'flask-build');
new FlaskImagesStack(app, 'flask-images');
new FlaskExampleStack(app, 'flask');
app.synth();
