// (a) The Flask example synthesized through the library: the figure the
// floor (b) is compared against.
import { App } from 'cdktf';
import { freshOutdir, report } from './measure';
import { FlaskExampleStack } from '../../examples/flask/stack';

const outdir = freshOutdir();
const app = new App({ outdir });
new FlaskExampleStack(app, 'flask');
app.synth();
report(outdir);
