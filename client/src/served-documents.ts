import type { TextDocument } from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';
import { YAML_LANGUAGE_ID } from '../../server/src/protocol/ids';

/** The URI schemes of the documents the language server sees. */
const SERVED_SCHEMES = ['file', 'untitled'] as const;

/** The documents the language client syncs to the server: YAML files on disk and unsaved ones. */
export const DOCUMENT_SELECTOR: DocumentSelector = SERVED_SCHEMES.map((scheme) => ({
  scheme,
  language: YAML_LANGUAGE_ID,
}));

// A cheap test, not a parse: a Kubernetes manifest has `apiVersion:` and `kind:` keys at the
// start of a line (top level), in any of the documents of the file, quoted or not.
const TOP_LEVEL_API_VERSION = /^["']?apiVersion["']?[ \t]*:/m;
const TOP_LEVEL_KIND = /^["']?kind["']?[ \t]*:/m;

/** Whether YAML text looks like a Kubernetes manifest (top-level `apiVersion:` and `kind:`). */
export function looksLikeKubernetes(text: string): boolean {
  return TOP_LEVEL_API_VERSION.test(text) && TOP_LEVEL_KIND.test(text);
}

/** Whether the language client syncs this document to the server. */
export function isServedDocument(document: TextDocument): boolean {
  return (
    document.languageId === YAML_LANGUAGE_ID &&
    SERVED_SCHEMES.some((scheme) => scheme === document.uri.scheme)
  );
}

/** Whether the document is served and looks like a Kubernetes manifest. */
export function isKubernetesManifest(document: TextDocument): boolean {
  return isServedDocument(document) && looksLikeKubernetes(document.getText());
}
