import { window, type ExtensionContext } from 'vscode';
import { OUTPUT_CHANNEL_NAME, TRACE_OUTPUT_CHANNEL_NAME } from '../../server/src/protocol/ids';
import { registerCommands } from './commands/register-commands';
import { registerPanelSerializer } from './panel/panel-serializer';
import { registerSimulateCodeLens } from './panel/simulate-code-lens';
import { ServerController } from './server-controller';
import { ServerStatusBar } from './status-bar';

let controller: ServerController | undefined;

export function activate(context: ExtensionContext): void {
  const startedAt = performance.now();
  const output = window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const traceOutput = window.createOutputChannel(TRACE_OUTPUT_CHANNEL_NAME, { log: true });
  controller = new ServerController({ context, output, traceOutput });
  context.subscriptions.push(
    output,
    traceOutput,
    controller,
    new ServerStatusBar(controller),
    ...registerCommands({ controller, output, extensionUri: context.extensionUri }),
    registerSimulateCodeLens(),
    registerPanelSerializer({ server: controller, output, extensionUri: context.extensionUri }),
  );
  controller.watch();
  output.info(`activated in ${Math.round(performance.now() - startedAt)} ms`);
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
