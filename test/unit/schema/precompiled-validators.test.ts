import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { stripNulls } from '../../../server/src/core/check/strip-nulls';
import { ALL_RULES } from '../../../server/src/core/rules/all-rules';
import type { SchemaBundle } from '../../../server/src/core/schema/schema-bundle';
import { SchemaRegistry } from '../../../server/src/core/schema/schema-registry';
import {
  SchemaValidator,
  type SchemaValidateFunction,
} from '../../../server/src/core/schema/schema-validator';
import * as runtime from '../../../server/src/core/schema/validator-runtime';
import {
  BUNDLE_PATH,
  generateValidatorsCode,
  precompiledDefinitions,
} from '../../../scripts/gen-validators';
import { REPO_ROOT, SHARED_DIR } from '../../support/core-context';
import { yamlFiles } from '../../support/yaml-files';

const bundle = JSON.parse(readFileSync(join(REPO_ROOT, BUNDLE_PATH), 'utf8')) as SchemaBundle;
const definitions = precompiledDefinitions(bundle);

/** Loads the standalone module the build makes, as dist/validators.js would be. */
function loadStandalone(): Record<string, SchemaValidateFunction> {
  const code = generateValidatorsCode(bundle, definitions);
  const nodeRequire = createRequire(__filename);
  const module = { exports: {} as Record<string, SchemaValidateFunction> };
  const requireShim = (id: string): unknown =>
    id === runtime.VALIDATOR_RUNTIME_MODULE ? runtime : nodeRequire(id);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating generated code is the point
  const evaluate = new Function('module', 'exports', 'require', code) as (
    module: unknown,
    exports: unknown,
    require: (id: string) => unknown,
  ) => void;
  evaluate(module, module.exports, requireShim);
  return module.exports;
}

const FIXTURES = [
  ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures')),
  ...yamlFiles(join(REPO_ROOT, 'examples')),
  ...(() => {
    try {
      return yamlFiles(join(SHARED_DIR, 'corpus'));
    } catch {
      return [];
    }
  })(),
];

describe('validators precompiled at build time', () => {
  const standalone = loadStandalone();
  const compiled = new SchemaValidator(bundle);

  it('exist for every precompiled kind', () => {
    assert.ok(definitions.includes('io.k8s.api.apps.v1.Deployment'));
    for (const definition of definitions) {
      assert.equal(typeof standalone[definition], 'function', definition);
    }
  });

  it('give exactly the errors of validators compiled in the process, on every fixture', () => {
    const context = { registry: new SchemaRegistry(bundle), rules: ALL_RULES };
    let documents = 0;
    let invalid = 0;
    const keywords = new Set<string>();
    for (const file of FIXTURES) {
      const check = checkText(readFileSync(file, 'utf8'), context);
      for (const { manifest } of check.manifests) {
        const lookup = context.registry.catalog.lookup(manifest.apiVersion, manifest.kind);
        if (lookup.status !== 'known' || !definitions.includes(lookup.definition)) continue;
        const value = stripNulls(manifest.body);
        const validate = standalone[lookup.definition]!;
        const valid = validate(value);
        const errors = valid ? [] : [...((validate as { errors?: unknown[] }).errors ?? [])];
        const expected = compiled.validate(lookup.definition, value);
        assert.deepEqual(errors, expected, `${file}: ${manifest.kind} ${manifest.name ?? ''}`);
        documents++;
        if (expected.length > 0) invalid++;
        for (const error of expected) keywords.add(error.keyword);
      }
    }
    assert.ok(documents > 100, `${documents} documents compared`);
    assert.ok(invalid > 10, `${invalid} invalid documents compared`);
    for (const keyword of ['x-unique-by', 'type', 'required', 'additionalProperties', 'enum'])
      assert.ok(keywords.has(keyword), `the fixtures exercise ${keyword}`);
  });

  it('give the same findings as validators compiled in the process', () => {
    const compiledContext = { registry: new SchemaRegistry(bundle), rules: ALL_RULES };
    const precompiledContext = {
      registry: new SchemaRegistry(bundle, (definition) => standalone[definition]),
      rules: ALL_RULES,
    };
    for (const file of FIXTURES) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(
        checkText(text, precompiledContext).findings,
        checkText(text, compiledContext).findings,
        file,
      );
    }
  });
});
