import { commands, type Disposable, type LogOutputChannel, type Uri } from 'vscode';
import { COMMAND_IDS, type CommandId } from '../../../server/src/protocol/ids';
import type { ServerController } from '../server-controller';
import { createRestartServerCommand } from './restart-server';
import { createShowOutputCommand } from './show-output';
import { createSimulateManifestCommand } from './simulate-manifest';

/** What the commands work on. */
export interface CommandServices {
  readonly controller: ServerController;
  readonly output: LogOutputChannel;
  /** The extension's root folder (the simulation panel loads its page from `dist/`). */
  readonly extensionUri: Uri;
}

type CommandFactory = (services: CommandServices) => (...args: unknown[]) => unknown;

// A Record over CommandId: a command id without a handler does not compile.
const COMMANDS: Readonly<Record<CommandId, CommandFactory>> = {
  [COMMAND_IDS.restartServer]: ({ controller }) => createRestartServerCommand(controller),
  [COMMAND_IDS.showOutput]: ({ output }) => createShowOutputCommand(output),
  [COMMAND_IDS.simulateManifest]: ({ controller, output, extensionUri }) =>
    createSimulateManifestCommand({ server: controller, output, extensionUri }),
};

/** Registers every contributed command; dispose the result to unregister them. */
export function registerCommands(services: CommandServices): Disposable[] {
  return Object.entries(COMMANDS).map(([id, create]) =>
    commands.registerCommand(id, create(services)),
  );
}
