// Node.js start-up and exit alone: the fixed cost inside every other figure.
import { freshOutdir, report } from './measure';

report(freshOutdir());
