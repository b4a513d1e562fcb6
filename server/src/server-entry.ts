// The language server's process entry (dist/server.js), started by the VS Code client.
import { main } from './server-main';

main();
