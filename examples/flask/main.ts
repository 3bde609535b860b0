// `cdktf synth` in this folder synthesizes the Flask example alone.
import { App } from 'cdktf';
import { FlaskExampleStack } from './stack';

const app = new App();
new FlaskExampleStack(app, 'flask');
app.synth();
