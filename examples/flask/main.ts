// `cdktf synth` in this folder synthesizes the Flask example alone: its two
// stacks, deployed in this order (see README.md).
import { App } from 'cdktf';
import { FlaskExampleStack, FlaskImagesStack } from './stack';

const app = new App();
new FlaskImagesStack(app, 'flask-images');
new FlaskExampleStack(app, 'flask');
app.synth();
