import { isScalar, LineCounter, parseAllDocuments, YAMLParseError } from 'yaml';
import type { Finding } from '../diagnostics/finding';
import { CORE_CODES } from '../diagnostics/core-codes';
import { offsetsToRange } from '../text/offset-range';
import { makeRange } from '../text/range';
import { PARSE_LIMITS } from './limits';
import type { ParsedDocument } from './parsed-document';
import { YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from './yaml-options';

/** The result of parsing one chunk: its documents (usually one), or a reason it was not parsed. */
export interface ParsedChunk {
  documents: ParsedDocument[];
  /** Findings that belong to the chunk as a whole (a limit that stopped parsing). */
  findings: Finding[];
}

/** Deepest flow nesting (`[[[…` / `{{{…`) outside quotes and comments; a cheap pre-scan. */
function flowNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\n') quote = undefined;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const newline = text.indexOf('\n', i);
      if (newline === -1) break;
      i = newline;
    } else if (ch === '"' || ch === "'") {
      const prev = text[i - 1] ?? ' ';
      if (/[\s[{,:]/.test(prev)) quote = ch;
    } else if (ch === '[' || ch === '{') {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === ']' || ch === '}') {
      depth = Math.max(0, depth - 1);
    } else if (ch === '\n' && depth === 0) {
      depth = 0;
    }
  }
  return max;
}

function yamlErrorFinding(error: YAMLParseError, lineCounter: LineCounter): Finding {
  const [start, end] = error.pos;
  const duplicate = error.code === 'DUPLICATE_KEY';
  const info = duplicate ? CORE_CODES.yamlDuplicateKey : CORE_CODES.yamlSyntax;
  const range = offsetsToRange(lineCounter, start, end === start ? start + 1 : end);
  // The library's message ends with a position excerpt; the range carries that.
  const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  return {
    code: info.code,
    severity: info.severity,
    message: duplicate ? 'Duplicate key: a mapping must not repeat a key (the API server rejects duplicate fields).' : `YAML syntax error: ${message}`,
    range,
  };
}

/** Parses one chunk with YAML 1.1 rules; never throws. */
export function parseChunk(text: string): ParsedChunk {
  const depth = flowNestingDepth(text);
  if (depth > PARSE_LIMITS.maxNestingDepth) {
    return {
      documents: [],
      findings: [
        {
          code: CORE_CODES.yamlLimit.code,
          severity: CORE_CODES.yamlLimit.severity,
          message: `Flow collections are nested ${depth} deep; Slipway checks at most ${PARSE_LIMITS.maxNestingDepth} levels, so this document is skipped.`,
          range: makeRange(0, 0, 0, 3),
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  let parsed;
  try {
    parsed = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter });
  } catch (error) {
    return {
      documents: [],
      findings: [
        {
          code: CORE_CODES.yamlLimit.code,
          severity: CORE_CODES.yamlLimit.severity,
          message: `The YAML parser gave up on this document (${error instanceof Error ? error.message : String(error)}); it is skipped.`,
          range: makeRange(0, 0, 0, 3),
        },
      ],
    };
  }
  const documents = Array.isArray(parsed) ? parsed : [];
  return {
    documents: documents.map((document): ParsedDocument => {
      const findings = document.errors.map((error) => yamlErrorFinding(error, lineCounter));
      let value: unknown;
      // `---` with nothing after it parses as a null scalar: an empty document, not an object.
      const contents = document.contents;
      const empty =
        contents === null ||
        (isScalar(contents) && contents.value === null && (contents.source ?? '') === '');
      if (!empty) {
        try {
          value = document.toJS(YAML_TO_JS_OPTIONS);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const [start, end] = document.range;
          findings.push({
            code: CORE_CODES.yamlLimit.code,
            severity: CORE_CODES.yamlLimit.severity,
            message: `The document could not be expanded (${message}); it is not checked.`,
            range: offsetsToRange(lineCounter, start, Math.min(end, start + 1)),
          });
        }
      }
      return { document, lineCounter, value, findings, empty };
    }),
    findings: [],
  };
}
