import type { LogOutputChannel } from 'vscode';

/** `slipway.showOutput`: reveals the Slipway output channel. */
export function createShowOutputCommand(output: LogOutputChannel): () => void {
  return () => output.show();
}
