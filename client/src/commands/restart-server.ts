import type { ServerController } from '../server-controller';

/** `slipway.restartServer`: stops the language server and starts it again. */
export function createRestartServerCommand(controller: ServerController): () => Promise<void> {
  return () => controller.restart();
}
