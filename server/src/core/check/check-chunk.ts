import { CORE_CODES } from '../diagnostics/core-codes';
import type { Finding } from '../diagnostics/finding';
import type { Manifest } from '../model/manifest';
import { findHelmTemplate } from '../parse/helm-template';
import { parseChunk } from '../parse/parse-chunk';
import { makeRange } from '../text/range';
import type { CheckContext } from './check-context';
import { checkParsedDocument } from './check-document';
import { applySuppressions } from './suppressions';

/** The outcome of checking one document chunk; ranges relative to the chunk's first line. */
export interface ChunkCheck {
  findings: Finding[];
  manifests: Manifest[];
  /** True when the chunk holds a Kubernetes object. */
  kubernetes: boolean;
  /** Non-mapping documents, reported only when the file holds Kubernetes objects. */
  notAnObject: Finding[];
  /** Why the chunk was not checked, when it was skipped. */
  skipped?: string;
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Parses and checks one chunk. Pure: the same text and context give the same result. */
export function checkChunk(text: string, context: CheckContext): ChunkCheck {
  const helmAt = findHelmTemplate(text);
  if (helmAt !== -1) {
    const at = positionOf(text, helmAt);
    return {
      findings: [
        {
          code: CORE_CODES.helmTemplate.code,
          severity: CORE_CODES.helmTemplate.severity,
          message:
            'Helm template syntax: this document is skipped; check the output of `helm template` instead',
          range: makeRange(at.line, at.character, at.line, at.character + 2),
        },
      ],
      manifests: [],
      kubernetes: /^(?:apiVersion|kind)\s*:/m.test(text),
      notAnObject: [],
      skipped: 'Helm template',
    };
  }
  const parsed = parseChunk(text);
  const findings: Finding[] = [...parsed.findings];
  const manifests: Manifest[] = [];
  const notAnObject: Finding[] = [];
  let kubernetes = false;
  for (const document of parsed.documents) {
    const result = checkParsedDocument(document, context);
    findings.push(...result.findings);
    manifests.push(...result.manifests);
    if (result.notAnObject) notAnObject.push(result.notAnObject);
    kubernetes ||= result.kubernetes;
  }
  return { findings: applySuppressions(findings, text), manifests, kubernetes, notAnObject };
}
