import type { Finding } from '../diagnostics/finding';

const DIRECTIVE = /#\s*slipway-disable(-next-line)?(?:[ \t]+([^\r\n]*))?/;

interface Suppression {
  /** Codes it covers; empty means every code. */
  codes: Set<string>;
  fromLine: number;
  /** Inclusive; Infinity for the rest of the document. */
  toLine: number;
}

function parseCodes(text: string | undefined): Set<string> {
  return new Set(
    (text ?? '')
      .split(/[\s,]+/)
      .map((code) => code.trim())
      .filter((code) => code.length > 0 && !code.startsWith('--')),
  );
}

/** Reads `# slipway-disable-next-line <code…>` and `# slipway-disable <code…>` comments of one document. */
export function readSuppressions(documentText: string): Suppression[] {
  if (!documentText.includes('slipway-disable')) return [];
  const suppressions: Suppression[] = [];
  const lines = documentText.split('\n');
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const codes = parseCodes(match[2]);
    if (match[1]) {
      // next-line: the next line that is not blank or a comment.
      let target = index + 1;
      while (target < lines.length && /^\s*(#.*)?\r?$/.test(lines[target] ?? '')) target++;
      suppressions.push({ codes, fromLine: target, toLine: target });
    } else {
      suppressions.push({ codes, fromLine: index, toLine: Number.POSITIVE_INFINITY });
    }
  });
  return suppressions;
}

/** Drops the findings a document's suppression comments cover (ranges relative to the document). */
export function applySuppressions(findings: Finding[], documentText: string): Finding[] {
  const suppressions = readSuppressions(documentText);
  if (suppressions.length === 0) return findings;
  return findings.filter(
    (finding) =>
      !suppressions.some(
        (s) =>
          finding.range.start.line >= s.fromLine &&
          finding.range.start.line <= s.toLine &&
          (s.codes.size === 0 || s.codes.has(finding.code)),
      ),
  );
}
