// The Kubernetes injection grammar, tokenized for real with vscode-textmate + oniguruma on
// top of a YAML base grammar. No package in node_modules ships VS Code's YAML grammar, so the
// base is test/unit/grammar/fixtures/yaml.tmLanguage.json: a small grammar with the scope
// names and rule shapes of VS Code's (keys are `meta.map.key.yaml string.unquoted.plain.yaml
// entity.name.tag.yaml`, plain values `string.unquoted.plain.out.yaml`).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import {
  INITIAL,
  parseRawGrammar,
  Registry,
  type IGrammar,
  type StateStack,
} from 'vscode-textmate';
import { expandSnippetDefaults } from '../snippets/snippet-expand';

const INJECTION = 'kubernetes.injection';
const KIND = 'entity.name.type.kind.kubernetes';
const API_VERSION = 'support.type.api-version.kubernetes';
const KEY = 'support.type.property-name.kubernetes';
const YAML_KEY = 'entity.name.tag.yaml';
const COMMENT = 'comment.line.number-sign.yaml';

const file = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const grammarFiles: Record<string, string> = {
  'source.yaml': file('./fixtures/yaml.tmLanguage.json'),
  [INJECTION]: file('../../../syntaxes/kubernetes.injection.tmLanguage.json'),
};

async function loadYamlGrammar(withInjection: boolean): Promise<IGrammar> {
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: (scopeName: string) => {
      const path = grammarFiles[scopeName];
      if (path === undefined) return Promise.resolve(null);
      return Promise.resolve(parseRawGrammar(readFileSync(path, 'utf8'), path));
    },
    getInjections: (scopeName: string) =>
      withInjection && scopeName === 'source.yaml' ? [INJECTION] : undefined,
  });
  const grammar = await registry.loadGrammar('source.yaml');
  assert.ok(grammar !== null, 'source.yaml did not load');
  return grammar;
}

interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

function tokenize(grammar: IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state: StateStack = INITIAL;
  text.split('\n').forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    for (const token of result.tokens) {
      const tokenText = lineText.slice(token.startIndex, token.endIndex);
      if (tokenText !== '') tokens.push({ line, text: tokenText, scopes: token.scopes });
    }
  });
  return tokens;
}

/** The scopes of each character, line by line. */
function scopesPerCharacter(grammar: IGrammar, text: string): string[][] {
  return tokenize(grammar, text).flatMap((t) => [...t.text].map(() => [...t.scopes]));
}

const isKubernetesScope = (scope: string): boolean => scope.endsWith('.kubernetes');

let yaml: IGrammar;
let yamlWithoutInjection: IGrammar;

before(async () => {
  const require = createRequire(import.meta.url);
  await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  yaml = await loadYamlGrammar(true);
  yamlWithoutInjection = await loadYamlGrammar(false);
});

/** The single token of `line` whose text is exactly `text` (the n-th one, 0-based). */
function token(line: string, text: string, nth = 0): Token {
  const matches = tokenize(yaml, line).filter((t) => t.text === text);
  const found = matches[nth];
  assert.ok(
    found !== undefined,
    `no token ${JSON.stringify(text)} in ${JSON.stringify(line)}: ${JSON.stringify(
      tokenize(yaml, line).map((t) => t.text),
    )}`,
  );
  return found;
}

function kubernetesScopes(text: string): string[] {
  return tokenize(yaml, text).flatMap((t) => t.scopes.filter(isKubernetesScope));
}

void describe('kubernetes.injection grammar file', () => {
  void test('is an injection into source.yaml named kubernetes.injection', () => {
    const raw: unknown = JSON.parse(readFileSync(grammarFiles[INJECTION] ?? '', 'utf8'));
    assert.ok(typeof raw === 'object' && raw !== null);
    const grammar = raw as Record<string, unknown>;
    assert.equal(grammar.scopeName, INJECTION);
    assert.equal(typeof grammar.injectionSelector, 'string');
    assert.match(String(grammar.injectionSelector), /source\.yaml/);
    assert.match(String(grammar.injectionSelector), /-comment/);
  });
});

void describe('kubernetes.injection on YAML', () => {
  void test('kind: Service marks the value as the kind and the key as a Kubernetes key', () => {
    assert.ok(token('kind: Service', 'Service').scopes.includes(KIND));
    const key = token('kind: Service', 'kind');
    assert.ok(key.scopes.includes(KEY));
    assert.ok(key.scopes.includes(YAML_KEY), 'the YAML key scope stays');
  });

  void test('apiVersion values get the api-version scope', () => {
    assert.ok(token('apiVersion: apps/v1', 'apps/v1').scopes.includes(API_VERSION));
    assert.ok(token('apiVersion: v1', 'v1').scopes.includes(API_VERSION));
    const ingress = 'apiVersion: networking.k8s.io/v1';
    assert.ok(token(ingress, 'networking.k8s.io/v1').scopes.includes(API_VERSION));
    assert.ok(token('apiVersion: batch/v1beta1', 'batch/v1beta1').scopes.includes(API_VERSION));
    assert.ok(!token('apiVersion: apps/v1', 'apps/v1').scopes.includes(KIND));
  });

  void test('an indented well-known key gets the Kubernetes key scope, its value does not', () => {
    const line = '  nodePort: 30000';
    const key = token(line, 'nodePort');
    assert.ok(key.scopes.includes(KEY));
    assert.ok(key.scopes.includes(YAML_KEY));
    assert.deepEqual(token(line, '30000').scopes.filter(isKubernetesScope), []);
  });

  void test('the keys named in the design are all marked', () => {
    const keys = ['metadata', 'spec', 'selector', 'template', 'containers', 'ports'];
    for (const key of [...keys, 'nodePort', 'targetPort', 'replicas', 'apiVersion', 'kind']) {
      assert.ok(token(`    ${key}:`, key).scopes.includes(KEY), key);
    }
  });

  void test('keys inside a block sequence item are marked', () => {
    assert.ok(token('  - containerPort: 80', 'containerPort').scopes.includes(KEY));
    assert.ok(token('- kind: Pod', 'Pod').scopes.includes(KIND));
  });

  void test('a comment keeps only its comment scopes', () => {
    const tokens = tokenize(yaml, '# kind: Service');
    assert.ok(tokens.length > 0);
    for (const t of tokens) {
      assert.ok(t.scopes.includes(COMMENT), `${t.text} is not in the comment`);
      assert.deepEqual(t.scopes.filter(isKubernetesScope), [], `${t.text} got a Kubernetes scope`);
    }
    assert.deepEqual(kubernetesScopes('    # apiVersion: v1'), []);
  });

  void test('a trailing comment is not marked, the value before it is', () => {
    const line = 'kind: Service # the kind: Service';
    assert.ok(token(line, 'Service').scopes.includes(KIND));
    const comment = tokenize(yaml, line).filter((t) => t.scopes.includes(COMMENT));
    assert.ok(comment.length > 0);
    assert.deepEqual(
      comment.flatMap((t) => t.scopes.filter(isKubernetesScope)),
      [],
    );
  });

  void test('a quoted string keeps its string scope and is never the kind', () => {
    const line = 'name: "kind"';
    const quoted = token(line, 'kind');
    assert.ok(quoted.scopes.includes('string.quoted.double.yaml'));
    assert.deepEqual(kubernetesScopes(line), []);
    assert.ok(!kubernetesScopes('kind: "Service"').includes(KIND));
    assert.ok(token('kind: "Service"', 'Service').scopes.includes('string.quoted.double.yaml'));
    assert.ok(!kubernetesScopes("apiVersion: 'v1'").includes(API_VERSION));
  });

  void test('other keys and look-alikes are left alone', () => {
    assert.deepEqual(kubernetesScopes('kindred: Service'), []);
    assert.deepEqual(kubernetesScopes('name: my-app'), []);
    assert.deepEqual(kubernetesScopes('my kind: Service'), []);
    assert.ok(token('name: my-app', 'name').scopes.includes(YAML_KEY));
  });

  void test('only a kind-shaped value is the kind', () => {
    assert.ok(!kubernetesScopes('kind: service').includes(KIND), 'kinds are PascalCase');
    assert.ok(!kubernetesScopes('kind: Service extra').includes(KIND));
    assert.ok(!kubernetesScopes('apiVersion: not a version').includes(API_VERSION));
    assert.ok(!kubernetesScopes('spec: Service').includes(KIND), 'only under the kind key');
  });

  void test('nothing inside a block scalar is marked, and marking resumes after it', () => {
    const text = [
      'data:',
      '  manifest.yaml: |',
      '    apiVersion: v1',
      '    kind: Service',
      '    spec:',
      '',
      '      ports: []',
      'kind: ConfigMap',
    ].join('\n');
    const tokens = tokenize(yaml, text);
    for (const t of tokens.filter((t) => t.line >= 2 && t.line <= 6)) {
      assert.ok(t.scopes.includes('string.unquoted.block.yaml'), `line ${t.line}: ${t.text}`);
      assert.deepEqual(t.scopes.filter(isKubernetesScope), [], `line ${t.line}: ${t.text}`);
    }
    const last = tokens.find((t) => t.line === 7 && t.text === 'ConfigMap');
    assert.ok(last?.scopes.includes(KIND));
  });

  void test('the injection only adds scopes: with it removed, every character scopes as before', () => {
    const snippets: unknown = JSON.parse(
      readFileSync(file('../../../snippets/kubernetes.json'), 'utf8'),
    );
    const bodies = Object.values(snippets as Record<string, { body: string[] }>).map((s) =>
      expandSnippetDefaults(s.body),
    );
    const extra = [
      '# kind: Service',
      'name: "kind" # comment',
      "key: 'it''s'",
      'data:',
      '  run.sh: |',
      '    kind: Service',
    ].join('\n');
    for (const text of [...bodies, extra]) {
      const withInjection = scopesPerCharacter(yaml, text).map((scopes) =>
        scopes.filter((s) => !isKubernetesScope(s)),
      );
      assert.deepEqual(withInjection, scopesPerCharacter(yamlWithoutInjection, text), text);
    }
  });

  void test('every document of every snippet has its kind and apiVersion marked', () => {
    const snippets: unknown = JSON.parse(
      readFileSync(file('../../../snippets/kubernetes.json'), 'utf8'),
    );
    for (const { body } of Object.values(snippets as Record<string, { body: string[] }>)) {
      const text = expandSnippetDefaults(body);
      const tokens = tokenize(yaml, text);
      const kinds = tokens.filter((t) => t.scopes.includes(KIND)).map((t) => t.text);
      const expected = [...text.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]);
      assert.ok(expected.length > 0);
      assert.deepEqual(kinds, expected, text);
      const versions = tokens.filter((t) => t.scopes.includes(API_VERSION)).map((t) => t.text);
      assert.deepEqual(
        versions,
        [...text.matchAll(/^apiVersion: (\S+)$/gm)].map((m) => m[1]),
        text,
      );
    }
  });
});
