import {
  StatusBarAlignment,
  ThemeColor,
  window,
  workspace,
  type Disposable,
  type StatusBarItem,
} from 'vscode';
import {
  COMMAND_IDS,
  OUTPUT_CHANNEL_NAME,
  STATUS_BAR_ITEM_ID,
  YAML_LANGUAGE_ID,
} from '../../server/src/protocol/ids';
import type { ServerController, ServerState } from './server-controller';

interface Presentation {
  /** A codicon, shown before "Slipway". */
  readonly icon: string;
  /** Completes "Slipway language server: …" in the tooltip. */
  readonly description: string;
  readonly isError: boolean;
}

const PRESENTATIONS: Readonly<Record<ServerState, Presentation>> = {
  disabled: { icon: '$(circle-slash)', description: 'disabled (slipway.enable)', isError: false },
  idle: {
    icon: '$(circle-outline)',
    description: 'not started, waiting for a Kubernetes manifest',
    isError: false,
  },
  starting: { icon: '$(sync~spin)', description: 'starting', isError: false },
  running: { icon: '$(check)', description: 'running', isError: false },
  stopped: { icon: '$(error)', description: 'stopped', isError: true },
  crashed: {
    icon: '$(error)',
    description: 'crashed (run "Slipway: Restart Language Server")',
    isError: true,
  },
};

/**
 * The status bar item: the language server's state, shown while a YAML editor is active.
 * Clicking it shows the output channel.
 */
export class ServerStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[];

  constructor(controller: ServerController) {
    this.item = window.createStatusBarItem(STATUS_BAR_ITEM_ID, StatusBarAlignment.Right, 100);
    this.item.name = 'Slipway';
    this.item.command = COMMAND_IDS.showOutput;
    this.subscriptions = [
      this.item,
      controller.onDidChangeState((state) => this.render(state)),
      window.onDidChangeActiveTextEditor(() => this.updateVisibility()),
      // Changing a document's language closes and reopens it.
      workspace.onDidOpenTextDocument(() => this.updateVisibility()),
    ];
    this.render(controller.state);
    this.updateVisibility();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.subscriptions.length = 0;
  }

  private render(state: ServerState): void {
    const presentation = PRESENTATIONS[state];
    this.item.text = `${presentation.icon} Slipway`;
    this.item.tooltip = `Slipway language server: ${presentation.description}. Click to show the "${OUTPUT_CHANNEL_NAME}" output.`;
    this.item.backgroundColor = presentation.isError
      ? new ThemeColor('statusBarItem.errorBackground')
      : undefined;
  }

  private updateVisibility(): void {
    if (window.activeTextEditor?.document.languageId === YAML_LANGUAGE_ID) this.item.show();
    else this.item.hide();
  }
}
