import { App } from 'cdktf';
import { AdminPanelStack } from './stack';

const app = new App();
new AdminPanelStack(app, 'admin-panel');
app.synth();
