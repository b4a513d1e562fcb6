import {
  Composer,
  isScalar,
  LineCounter,
  Parser,
  YAMLParseError,
  type CST,
  type Document,
} from 'yaml';
import type { Finding } from '../diagnostics/finding';
import { CORE_CODES } from '../diagnostics/core-codes';
import { offsetsToRange } from '../text/offset-range';
import { makeRange } from '../text/range';
import { PARSE_LIMITS } from './limits';
import { composeCst } from './compose-cst';
import { composeText } from './compose-text';
import { documentSourceMap } from './document-source-map';
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

/** How many times `char` occurs in `text`, counting no further than `limit` + 1. */
function occurrences(text: string, char: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1 && count <= limit; at = text.indexOf(char, at + 1))
    count++;
  return count;
}

/**
 * Where an unclosed quoted scalar starts: the parser reports the missing quote
 * where the document ends, but the mistake is at the opening quote.
 */
function openingQuoteOffset(text: string, errorOffset: number, quote: string): number | undefined {
  const before = text.slice(0, Math.min(errorOffset, text.length));
  const pattern = new RegExp(`(?:^|[:\\-\\[{,]\\s*|\\s)${quote === '"' ? '"' : "'"}`, 'g');
  let last: number | undefined;
  for (let match = pattern.exec(before); match; match = pattern.exec(before)) {
    last = match.index + match[0].length - 1;
  }
  return last;
}

function yamlErrorFinding(error: YAMLParseError, lineCounter: LineCounter, text: string): Finding {
  let [start, end] = error.pos;
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    const quote = error.message.includes('"') ? '"' : "'";
    const opening = openingQuoteOffset(text, start, quote);
    if (opening !== undefined) {
      start = opening;
      end = opening + 1;
    }
    return {
      code: CORE_CODES.yamlSyntax.code,
      severity: CORE_CODES.yamlSyntax.severity,
      message: `YAML syntax error: the quoted string opened here with ${quote} is never closed; add the closing ${quote}`,
      range: offsetsToRange(lineCounter, start, end),
    };
  }
  const duplicate = error.code === 'DUPLICATE_KEY';
  const info = duplicate ? CORE_CODES.yamlDuplicateKey : CORE_CODES.yamlSyntax;
  let key = '';
  if (duplicate) {
    // The error points at the repeated key; cover the whole key, not one character.
    const keyMatch = /^(?:"[^"]*"|'[^']*'|[^:\r\n]*?)(?=\s*:(?:\s|$))/.exec(text.slice(start));
    key = keyMatch?.[0] ?? '';
    if (key.length > 0) end = start + key.length;
  }
  const range = offsetsToRange(lineCounter, start, end === start ? start + 1 : end);
  // The library's message ends with a position excerpt; the range carries that.
  const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  return {
    code: info.code,
    severity: info.severity,
    message: duplicate
      ? `duplicate key ${key ? `"${key.replace(/^["']|["']$/g, '')}" ` : ''}in one mapping; the API server rejects duplicate fields, so keep one of them`
      : `YAML syntax error: ${message}`,
    range,
  };
}

/**
 * A key indented deeper than its sibling (`name: x` then `    extra: y`): the
 * parser blames the value above; the line to fix is the deeper one.
 */
function badIndentFinding(
  errors: readonly YAMLParseError[],
  lineCounter: LineCounter,
  text: string,
): Finding | undefined {
  const multiline = errors.find((error) => error.code === 'MULTILINE_IMPLICIT_KEY');
  if (!multiline) return undefined;
  const end = Math.max(multiline.pos[0], multiline.pos[1] - 1);
  const lineStart = text.lastIndexOf('\n', end) + 1;
  const newline = text.indexOf('\n', lineStart);
  const lineText = text.slice(lineStart, newline === -1 ? text.length : newline).replace(/\r$/, '');
  const indent = lineText.length - lineText.trimStart().length;
  return {
    code: CORE_CODES.yamlSyntax.code,
    severity: CORE_CODES.yamlSyntax.severity,
    message: `YAML syntax error: bad indentation: "${lineText.trim()}" is indented under a plain value, so YAML cannot read it as a key; align it with the keys above or nest it under a key of its own`,
    range: offsetsToRange(lineCounter, lineStart + indent, lineStart + lineText.length),
  };
}

/** yaml's own composer, for what composeCst leaves to it: anchors, tags, errors. */
function composeWithYaml(tokens: readonly CST.Token[]): Document.Parsed[] {
  return Array.from(new Composer(YAML_PARSE_OPTIONS).compose(tokens));
}

/** Parses one chunk with YAML 1.1 rules; never throws. */
export function parseChunk(text: string): ParsedChunk {
  // Nesting is never deeper than the count of opening brackets: most chunks have a few, so the scan is skipped.
  const limit = PARSE_LIMITS.maxNestingDepth;
  const openings = occurrences(text, '[', limit) + occurrences(text, '{', limit);
  const depth = openings > limit ? flowNestingDepth(text) : 0;
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
  // The common case: block YAML composed straight from the text, without yaml's lexer and parser.
  const fromText = composeText(text);
  if (fromText) {
    const { sourceMap, range, value, empty } = fromText;
    return { documents: [{ sourceMap, range, value, empty, findings: [] }], findings: [] };
  }
  const lineCounter = new LineCounter();
  let documents: Document.Parsed[];
  try {
    const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
    // Else the value and source map straight from yaml's CST.
    const composed = composeCst(tokens, lineCounter.lineStarts);
    if (composed) return { documents: [{ ...composed, findings: [] }], findings: [] };
    documents = composeWithYaml(tokens);
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
  return {
    documents: documents.map((document): ParsedDocument => {
      // One syntax error per document: the later ones are almost always its echoes.
      let syntaxErrorSeen = false;
      const findings: Finding[] = [];
      for (const error of document.errors) {
        const finding =
          error.code === 'BLOCK_AS_IMPLICIT_KEY'
            ? (badIndentFinding(document.errors, lineCounter, text) ??
              yamlErrorFinding(error, lineCounter, text))
            : yamlErrorFinding(error, lineCounter, text);
        if (finding.code === CORE_CODES.yamlSyntax.code) {
          if (syntaxErrorSeen) continue;
          syntaxErrorSeen = true;
        }
        findings.push(finding);
      }
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
      const [start, , end] = document.range;
      return {
        sourceMap: documentSourceMap(document, lineCounter),
        range: [start, end],
        value,
        findings,
        empty,
      };
    }),
    findings: [],
  };
}
