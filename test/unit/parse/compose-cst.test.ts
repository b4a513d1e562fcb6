/**
 * The CST composer against yaml's own composer: for every document it takes,
 * yaml reports no error or warning, and the value, the document range and every
 * path's ranges and sources are yaml's; what it leaves to yaml is what it must.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineCounter, parseAllDocuments, Parser } from 'yaml';
import { composeCst } from '../../../server/src/core/parse/compose-cst';
import { documentSourceMap } from '../../../server/src/core/parse/document-source-map';
import { splitDocuments } from '../../../server/src/core/parse/split-documents';
import {
  YAML_PARSE_OPTIONS,
  YAML_TO_JS_OPTIONS,
} from '../../../server/src/core/parse/yaml-options';
import { REPO_ROOT, SHARED_DIR } from '../../support/core-context';
import { yamlFiles } from '../../support/yaml-files';
import { pathsOf } from '../../support/json-paths';

function compose(text: string) {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  return composeCst(tokens, lineCounter.lineStarts);
}

/** Compares one chunk; returns whether the CST composer took it. */
function compareChunk(text: string): boolean {
  const composed = compose(text);
  if (!composed) return false;
  const where = JSON.stringify(text.slice(0, 120));
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter });
  assert.ok(Array.isArray(documents) && documents.length === 1, `one document in ${where}`);
  const document = documents[0]!;
  assert.deepEqual(
    [...document.errors, ...document.warnings].map((error) => error.message),
    [],
    `yaml finds nothing wrong in ${where}`,
  );
  const expected: unknown = composed.empty ? undefined : document.toJS(YAML_TO_JS_OPTIONS);
  assert.deepStrictEqual(composed.value, expected, `value of ${where}`);
  assert.deepEqual(composed.range, [document.range[0], document.range[2]], `range of ${where}`);
  const reference = documentSourceMap(document, lineCounter);
  for (const path of pathsOf(composed.value)) {
    const at = `${JSON.stringify(path)} in ${where}`;
    assert.deepEqual(composed.sourceMap.range(path, 'key'), reference.range(path, 'key'), at);
    assert.deepEqual(composed.sourceMap.range(path, 'value'), reference.range(path, 'value'), at);
    assert.deepEqual(composed.sourceMap.span(path), reference.span(path), at);
    assert.equal(composed.sourceMap.has(path), reference.has(path), at);
    assert.equal(composed.sourceMap.scalarSource(path), reference.scalarSource(path), at);
  }
  return true;
}

function compareFiles(files: readonly string[]): { chunks: number; taken: number } {
  let chunks = 0;
  let taken = 0;
  for (const file of files) {
    for (const chunk of splitDocuments(readFileSync(file, 'utf8'))) {
      chunks++;
      if (compareChunk(chunk.text)) taken++;
    }
  }
  return { chunks, taken };
}

/** Inputs written the way manifests are, each composed from the CST. */
const TAKEN = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app # the name\ndata:\n  mode: "0644"\n',
  'ports:\n- port: 80\n  targetPort: 8080\n- {port: 443, name: https}\nargs: ["--v", 2, yes, on, ~, 0x1F, 0o17, 017, 1e3, .inf]\n',
  'key:\nempty: {}\nlist: []\ntrailing: [a, b, ]\nscript: |\n  echo hi\n  exit 0\nfolded: >-\n  one\n  two\n',
  "quoted: 'it''s'\ndouble: \"tab\\there\"\nmulti: this is\n  a plain scalar\n  over lines\n",
  '# leading comment\n---\nkind: Pod\n# between\nspec:\n  containers:\n  # inside\n  - name: a\n    image: nginx\n# end\n',
  'a:\n  - x\n  -\n  - y\n  # trailing\nb: 1\n',
  '--- \n',
  'plain scalar',
  'constructor: 1\ntoString: 2\nhasOwnProperty: x\n',
  'apiVersion: v1\r\nkind: ConfigMap\r\ndata:\r\n  a: "x" # note\r\n  b: |\r\n    line\r\n  c: plain\r\n',
  'time: 12:30\ndate: 2001-12-14\nsexagesimal: 1:20\n',
];

/** Inputs yaml's composer must handle: anchors, tags, errors, odd keys. */
const LEFT = [
  'a: &x {b: 1}\nc: *x\n',
  'a: !!str 0644\n',
  '? complex\n: value\n',
  '<<: {merged: 1}\nown: 2\n',
  'a: 1\na: 2\n',
  '{a: 1, a: 2}\n',
  'yes: on\n',
  '80: http\n',
  '__proto__: x\n',
  'name: x\n    extra: y\n',
  'key: "unterminated\n',
  'a:\n\t- b\n',
  'a: 1\n---\nb: 2\n',
  '%YAML 1.1\n---\na: 1\n',
  'a: 1\n...\n',
  '[a: b]\n',
  '{a}\n',
  'a: [b, # comment\n  c]\n',
  'foo\nbar: 1\n',
  'a: b: c\n',
  '- a\n-b\n',
  '\ufeffapiVersion: v1\nkind: Namespace\n',
];

/** A small seeded generator (mulberry32), so a failing mutation can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that change YAML's structure when typed in the wrong place. */
const TYPOS = [
  ' ',
  ':',
  '-',
  '\n',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '\t',
  '&',
  '*',
  '!',
  '?',
  '|',
  '>',
  '@',
  '`',
  '%',
  '<<: ',
];

/** One typo: a character inserted or deleted, a line indented or dedented, or a line repeated. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
  switch (Math.floor(next() * 5)) {
    case 0:
      return text.slice(0, at) + (TYPOS[Math.floor(next() * TYPOS.length)] ?? '') + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return `${text.slice(0, lineStart)}  ${text.slice(lineStart)}`;
    case 3:
      return text.slice(0, lineStart) + text.slice(lineStart).replace(/^ {1,2}/, '');
    default:
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
  }
}

describe('CST composer', () => {
  it('composes manifest-style documents exactly as yaml does', () => {
    for (const text of TAKEN) {
      assert.ok(compareChunk(text), `taken: ${JSON.stringify(text)}`);
    }
  });

  it('leaves anchors, tags, odd keys and every error to yaml', () => {
    for (const text of LEFT) {
      assert.equal(compose(text), undefined, `left to yaml: ${JSON.stringify(text)}`);
    }
  });

  it('agrees with yaml on every fixture and example, and takes almost all of them', () => {
    const files = [
      ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures')),
      ...yamlFiles(join(REPO_ROOT, 'examples')),
    ];
    const { chunks, taken } = compareFiles(files);
    assert.ok(taken / chunks > 0.8, `${taken} of ${chunks} documents composed from the CST`);
  });

  it('agrees with yaml on thousands of typos in the fixtures: whatever it takes, yaml takes without an error', () => {
    const next = random(20261127);
    const chunks = [
      ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures')),
      ...yamlFiles(join(REPO_ROOT, 'examples')),
    ].flatMap((file) => splitDocuments(readFileSync(file, 'utf8')).map((chunk) => chunk.text));
    let taken = 0;
    let left = 0;
    for (const chunk of chunks) {
      for (let i = 0; i < 6; i++) {
        let text = mutate(chunk, next);
        if (next() < 0.3) text = mutate(text, next);
        if (compareChunk(text)) taken++;
        else left++;
      }
    }
    // Both sides must be exercised: typos that stay valid YAML, and ones yaml reports.
    assert.ok(taken > 500 && left > 500, `${taken} mutated documents taken, ${left} left to yaml`);
  });

  it('agrees with yaml on the real-world corpus, and takes almost all of it', (t) => {
    const corpus = join(SHARED_DIR, 'corpus');
    if (!existsSync(corpus)) {
      t.skip(`${corpus} is absent: the corpus comparison needs ../shared beside the repository`);
      return;
    }
    const { chunks, taken } = compareFiles(yamlFiles(corpus));
    assert.ok(taken / chunks > 0.9, `${taken} of ${chunks} documents composed from the CST`);
  });
});
