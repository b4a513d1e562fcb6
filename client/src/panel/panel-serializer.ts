import { window, type Disposable, type WebviewPanel } from 'vscode';
import { SIMULATION_PANEL_VIEW_TYPE } from '../../../server/src/protocol/ids';
import type { PanelServices } from './panel-services';

/**
 * Restores the simulation panel after a reload (activation event
 * `onWebviewPanel:slipway.simulationPanel`). The panel's code is loaded only then.
 */
export function registerPanelSerializer(services: PanelServices): Disposable {
  return window.registerWebviewPanelSerializer(SIMULATION_PANEL_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: WebviewPanel, state: unknown): Promise<void> {
      const { SimulationPanel } = await import('./simulation-panel');
      SimulationPanel.restore(panel, state, services);
    },
  });
}
