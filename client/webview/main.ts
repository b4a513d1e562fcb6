/** The simulation panel page's entry point (bundled to dist/webview.js). */
import { App } from './app';
import { connectHost } from './host';

const root = document.getElementById('app');
if (root !== null) new App(root, connectHost()).start();
