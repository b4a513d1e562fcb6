/**
 * Every identifier that the extension, the language server and `package.json` share, defined
 * once. `test/unit/settings-manifest.test.ts` checks that the commands here and the commands
 * contributed in `package.json` are the same set.
 *
 * Pure: no import from `vscode`, LSP or Node, so the server can use it too.
 */

/** The commands the extension contributes (`contributes.commands` in `package.json`). */
export const COMMAND_IDS = {
  /** Stops and starts the language server; resets the crash counter. */
  restartServer: 'slipway.restartServer',
  /** Reveals the `Slipway` output channel. */
  showOutput: 'slipway.showOutput',
  /** Opens the simulation panel beside the editor for the active file's scope. */
  simulateManifest: 'slipway.simulateManifest',
} as const;

/** One of the contributed command ids. */
export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];

/**
 * The view type of the simulation panel (`onWebviewPanel:` activation event and the
 * `WebviewPanelSerializer` that restores it after a reload).
 */
export const SIMULATION_PANEL_VIEW_TYPE = 'slipway.simulationPanel';

/** The configuration section: every setting key starts with `slipway.`. */
export const CONFIGURATION_SECTION = 'slipway';

/** Name of the output channel the client and the server log to. */
export const OUTPUT_CHANNEL_NAME = 'Slipway';

/** Name of the output channel that shows the LSP message trace (`slipway.trace.server`). */
export const TRACE_OUTPUT_CHANNEL_NAME = 'Slipway Trace';

/**
 * The language client id. `vscode-languageclient` reads the trace level from
 * `<id>.trace.server`, so it must equal {@link CONFIGURATION_SECTION}.
 */
export const LANGUAGE_CLIENT_ID = CONFIGURATION_SECTION;

/** Human-readable name of the language client, shown in its log messages. */
export const LANGUAGE_CLIENT_NAME = 'Slipway Language Server';

/** The `source` of every diagnostic Slipway publishes. */
export const DIAGNOSTIC_SOURCE = 'slipway';

/** Id of the status bar item (lets the user hide it from the status bar's context menu). */
export const STATUS_BAR_ITEM_ID = 'slipway.status';

/** The language id of the documents the extension serves. */
export const YAML_LANGUAGE_ID = 'yaml';
