/**
 * The CST composer and the text composer against yaml's own composer: for
 * every document one takes, yaml reports no error or warning, and the value,
 * the document range and every path's ranges and sources are yaml's; what it
 * leaves to yaml is what it must.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineCounter, parseAllDocuments, Parser } from 'yaml';
import { composeCst, type ComposedDocument } from '../../../server/src/core/parse/compose-cst';
import { composeText } from '../../../server/src/core/parse/compose-text';
import { documentSourceMap } from '../../../server/src/core/parse/document-source-map';
import { splitDocuments } from '../../../server/src/core/parse/split-documents';
import {
  YAML_PARSE_OPTIONS,
  YAML_TO_JS_OPTIONS,
} from '../../../server/src/core/parse/yaml-options';
import { REPO_ROOT, SHARED_DIR } from '../../support/core-context';
import { yamlFiles } from '../../support/yaml-files';
import { pathsOf } from '../../support/json-paths';
import { seededRandom } from '../../support/seeded-random';

type Compose = (text: string) => ComposedDocument | undefined;

function composeFromCst(text: string): ComposedDocument | undefined {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  return composeCst(tokens, lineCounter.lineStarts);
}

/** Compares one chunk; returns whether `compose` took it. */
function compareChunk(compose: Compose, text: string): boolean {
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
  if ('lineStarts' in composed)
    assert.deepEqual(composed.lineStarts, lineCounter.lineStarts, `lines of ${where}`);
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

function compareFiles(
  compose: Compose,
  files: readonly string[],
): { chunks: number; taken: number } {
  let chunks = 0;
  let taken = 0;
  for (const file of files) {
    for (const chunk of splitDocuments(readFileSync(file, 'utf8'))) {
      chunks++;
      if (compareChunk(compose, chunk.text)) taken++;
    }
  }
  return { chunks, taken };
}

/** Every document of the fixtures and examples, with their line ends made `lineEnd` if given. */
function fixtureChunks(lineEnd?: string): string[] {
  return [
    ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures')),
    ...yamlFiles(join(REPO_ROOT, 'examples')),
  ].flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const chunks = splitDocuments(lineEnd ? text.replace(/\r?\n/g, lineEnd) : text);
    return chunks.map((chunk) => chunk.text);
  });
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

/** Inputs written the way most manifests are, each composed straight from the text. */
const TEXT_TAKEN = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app # the name\ndata:\n  mode: "0644"\n',
  'ports:\n- port: 80\n  targetPort: 8080\n- name: https\nargs: ["--v", 2, yes, on, ~, 0x1F, 0o17, 017, 1e3, .inf]\n',
  'key:\nempty: {}\nlist: []\nnested:\n  deeper:\n  - a\n  -   b: 1\n      c: 2\nlast:\n',
  "quoted: 'it''s'\ndouble: \"no escapes\" # c\nurl: http://x:80/a#b\n\n\n",
  '# leading comment\n---\n# after the marker\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx\n    args: [ "a b" , c ]\n',
  '  indented: root\n  second: 2\n',
  '# c\n\n   indented: root\n',
  'time: 12:30\ndate: 2001-12-14\nsexagesimal: 1:20\nlabels:\n  app.kubernetes.io/name: x\n',
  'a:\n\n\nb:\n\n',
  '---\n',
  '---   \n\n',
  '---\r\n\r\n',
  'apiVersion: v1\r\nkind: ConfigMap\r\ndata:\r\n  a: "x" # note\r\n  b: |\r\n    line\r\n\r\n    more  \r\n  c: plain\r\n    # deeper\r\n  \r\nd:\r\nlist: [a, b]\r\n# end\r\n',
  'a: 1\n# a comment line\nb: 2\n',
  'spec:\n  ports:\n  - port: 80\n  # kept by the sequence\n  type: X\n',
  'a:\n  b: 1\n    # deeper: joins the value\n\n    # again\n  c: [x] # c\n     # joins the flow\n\n  # at the map\n# at the root\n',
  'list:\n- a\n  # deeper\n- b\n# end',
  '  root: 1\n  # kept by the indented root\n\n',
  'a:\n  # before the value\n  b: 1\nc:\n# before a sequence\n- x\n',
  'p:\n  q:\n    r: 1\n  # two levels up\n      # deeper, after one that stayed\ns: 2\n',
  'p:\n  q:\n  - r: 1\n    # kept by the map in the item\n  s: 2\n',
  '# c\n---',
  'list:\n- a\n- "b"\n- [c]\n- {}\nend: x',
  'data:\n  script: |\n\n    echo hi\n      indented # not a comment\n\n    exit 0\n\n  stripped: |- # note\n    one\n    two\nitems:\n- |\n  item\n- |-\n  last',
];

/** Inputs the text composer leaves to yaml, though yaml composes them without an error. */
const TEXT_LEFT = [
  'a:\n# after a left-out value\nb: 1\n',
  'a: |\n  x\n# after a block scalar\n',
  'script: >\n  folded\n',
  'script: |+\n  kept\n\n',
  'script: |2\n    indented\n',
  'script: |\n  spaces below\n  \n  x\n',
  'script: |\nnext: 1\n',
  'multi: this is\n  a plain scalar\n',
  'double: "tab\\there"\n',
  '"quoted key": 1\n',
  'key: # comment\n  value\n',
  'a: 1\rb: 2\n',
  'a: 1\r',
  '- - nested\n',
  '-\n  a: 1\n',
  'flow: {a: 1}\n',
  'trailing: [a, ]\n',
  '--- a: 1\n',
  '--- # c\n',
  'a: [-]\n',
  'a: [b, - c]\n',
];

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

interface ComposerCase {
  compose: Compose;
  /** Inputs it must take. */
  taken: readonly string[];
  /** Inputs it must leave to yaml (beyond LEFT). */
  left: readonly string[];
  /** The least share of fixture and corpus documents it takes. */
  fixtureShare: number;
  corpusShare: number;
}

const COMPOSERS: Record<string, ComposerCase> = {
  'CST composer': {
    compose: composeFromCst,
    taken: TAKEN,
    left: [],
    fixtureShare: 0.8,
    corpusShare: 0.9,
  },
  'text composer': {
    compose: composeText,
    taken: TEXT_TAKEN,
    left: TEXT_LEFT,
    fixtureShare: 0.5,
    corpusShare: 0.3,
  },
};

/** Comment, blank and space-only lines inserted at random lines and indents: where yaml's parser puts them moves ends. */
function insertComments(text: string, next: () => number): string {
  const lines = text.split('\n');
  const count = 1 + Math.floor(next() * 4);
  for (let k = 0; k < count; k++) {
    const at = Math.floor(next() * (lines.length + 1));
    const kind = next();
    const indent = ' '.repeat(Math.floor(next() * 9));
    lines.splice(at, 0, kind < 0.7 ? `${indent}# note ${k}` : kind < 0.85 ? '' : ` ${indent}`);
  }
  return lines.join('\n');
}

for (const [
  name,
  { compose, taken: mustTake, left: mustLeave, fixtureShare, corpusShare },
] of Object.entries(COMPOSERS)) {
  describe(name, () => {
    it('composes manifest-style documents exactly as yaml does', () => {
      for (const text of mustTake) {
        assert.ok(compareChunk(compose, text), `taken: ${JSON.stringify(text)}`);
      }
    });

    it('leaves anchors, tags, odd keys and every error to yaml', () => {
      for (const text of [...LEFT, ...mustLeave]) {
        assert.equal(compose(text), undefined, `left to yaml: ${JSON.stringify(text)}`);
      }
    });

    it('agrees with yaml on every fixture and example, and takes most of them', () => {
      const chunks = fixtureChunks();
      const taken = chunks.filter((chunk) => compareChunk(compose, chunk)).length;
      assert.ok(
        taken / chunks.length > fixtureShare,
        `${taken} of ${chunks.length} documents composed`,
      );
    });

    it('agrees with yaml on every fixture and example written with CRLF line ends', () => {
      const chunks = fixtureChunks('\r\n');
      const taken = chunks.filter((chunk) => compareChunk(compose, chunk)).length;
      assert.ok(
        taken / chunks.length > fixtureShare,
        `${taken} of ${chunks.length} documents composed`,
      );
    });

    it('agrees with yaml on thousands of typos in the fixtures: whatever it takes, yaml takes without an error', () => {
      const next = seededRandom(20261127);
      const chunks = fixtureChunks();
      let taken = 0;
      let left = 0;
      for (const chunk of chunks) {
        for (let i = 0; i < 6; i++) {
          let text = mutate(chunk, next);
          if (next() < 0.3) text = mutate(text, next);
          if (compareChunk(compose, text)) taken++;
          else left++;
        }
      }
      // Both sides must be exercised: typos that stay valid YAML, and ones yaml reports.
      assert.ok(
        taken > 300 && left > 500,
        `${taken} mutated documents taken, ${left} left to yaml`,
      );
    });

    it('agrees with yaml on comment lines inserted anywhere in the fixtures', () => {
      const next = seededRandom(20261128);
      const chunks = fixtureChunks();
      let taken = 0;
      for (const chunk of chunks) {
        for (let i = 0; i < 2; i++) if (compareChunk(compose, insertComments(chunk, next))) taken++;
      }
      assert.ok(taken > chunks.length, `${taken} documents with comment lines taken`);
    });

    it('agrees with yaml on the real-world corpus, and takes much of it', (t) => {
      const corpus = join(SHARED_DIR, 'corpus');
      if (!existsSync(corpus)) {
        t.skip(`${corpus} is absent: the corpus comparison needs ../shared beside the repository`);
        return;
      }
      const { chunks, taken } = compareFiles(compose, yamlFiles(corpus));
      assert.ok(taken / chunks > corpusShare, `${taken} of ${chunks} documents composed`);
    });
  });
}
