import {
  CodeLens,
  Range,
  languages,
  workspace,
  type CodeLensProvider,
  type Disposable,
  type TextDocument,
} from 'vscode';
import {
  COMMAND_IDS,
  CONFIGURATION_SECTION,
  YAML_LANGUAGE_ID,
} from '../../../server/src/protocol/ids';
import { findKubernetesDocumentLines } from './kubernetes-documents';

/** The documents that get the lens: the YAML files and unsaved YAML documents the server serves. */
const LENS_SELECTOR = [
  { scheme: 'file', language: YAML_LANGUAGE_ID },
  { scheme: 'untitled', language: YAML_LANGUAGE_ID },
];

/** Files larger than this get no lens: the scan runs on every CodeLens request. */
const MAX_SCANNED_LENGTH = 2_000_000;

/** A "Simulate" CodeLens above each Kubernetes document of a YAML file. */
export class SimulateCodeLensProvider implements CodeLensProvider {
  provideCodeLenses(document: TextDocument): CodeLens[] {
    const enabled = workspace.getConfiguration(CONFIGURATION_SECTION).get<boolean>('enable');
    if (enabled === false) return [];
    const text = document.getText();
    if (text.length > MAX_SCANNED_LENGTH) return [];
    return findKubernetesDocumentLines(text).map((line) => {
      const range = new Range(line, 0, line, 0);
      return new CodeLens(range, {
        title: '$(play) Simulate',
        tooltip: 'Simulate this manifest with its scope in the Slipway panel',
        command: COMMAND_IDS.simulateManifest,
        arguments: [document.uri.toString(), line],
      });
    });
  }
}

/** Registers the "Simulate" CodeLens for the YAML documents the language server serves. */
export function registerSimulateCodeLens(): Disposable {
  return languages.registerCodeLensProvider(LENS_SELECTOR, new SimulateCodeLensProvider());
}
