import { Uri, window } from 'vscode';
import { YAML_LANGUAGE_ID } from '../../../server/src/protocol/ids';
import type { PanelServices } from '../panel/panel-services';

/** The resource a command was invoked on: a Uri (editor title), a URI string (CodeLens) or none. */
function resourceOf(argument: unknown): Uri | undefined {
  if (argument instanceof Uri) return argument;
  if (typeof argument === 'string') {
    try {
      return Uri.parse(argument, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * `slipway.simulateManifest`: opens the simulation panel beside the editor for the file's scope.
 * Invoked from the command palette (the active file), the editor title (the file's Uri) or the
 * "Simulate" CodeLens (the file's URI and the document's line). The panel's code loads only now.
 */
export function createSimulateManifestCommand(
  services: PanelServices,
): (resource?: unknown, line?: unknown) => Promise<void> {
  return async (resource, line) => {
    const active = window.activeTextEditor?.document;
    const uri =
      resourceOf(resource) ?? (active?.languageId === YAML_LANGUAGE_ID ? active.uri : undefined);
    if (uri === undefined) {
      void window.showInformationMessage('Open a Kubernetes manifest (YAML) to simulate it.');
      return;
    }
    const { SimulationPanel } = await import('../panel/simulation-panel');
    SimulationPanel.show(services, uri, typeof line === 'number' ? line : undefined);
  };
}
