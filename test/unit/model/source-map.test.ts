import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineCounter, parseAllDocuments } from 'yaml';
import { documentSourceMap } from '../../../server/src/core/parse/document-source-map';
import { splitDocuments } from '../../../server/src/core/parse/split-documents';
import { YAML_PARSE_OPTIONS } from '../../../server/src/core/parse/yaml-options';
import { REPO_ROOT } from '../../support/core-context';
import { ReferenceSourceMap } from './reference-source-map';
import { yamlFiles } from '../../support/yaml-files';
import { pathsOf } from '../../support/json-paths';

const INLINE = [
  'a: &x {b: 1, c: [1, 2]}\nd: *x\ne: *x\nf: *missing\n',
  'list:\n- \n- ~\n- [a, {b: c}]\n- !!str 0644\nkey:\nyes: on\n? complex\n: value\n',
  '- a\n- b: 1\n  c: 2\n',
  'plain scalar',
  '',
  '"quoted": "value"\n\'single\': |\n  block\n  text\n',
  '<<: {merged: 1}\nown: 2\n',
];

describe('source map (compact)', () => {
  it('gives the ranges, sources and presence of the document walk it replaced, for every path', () => {
    const texts = [
      ...INLINE,
      ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures')).map((file) => readFileSync(file, 'utf8')),
      ...yamlFiles(join(REPO_ROOT, 'examples')).map((file) => readFileSync(file, 'utf8')),
    ];
    let compared = 0;
    for (const text of texts) {
      for (const chunk of splitDocuments(text)) {
        const lineCounter = new LineCounter();
        let documents;
        try {
          documents = parseAllDocuments(chunk.text, { ...YAML_PARSE_OPTIONS, lineCounter });
        } catch {
          continue;
        }
        if (!Array.isArray(documents)) continue;
        for (const document of documents) {
          let value: unknown;
          try {
            value = document.toJS({ maxAliasCount: 1000 });
          } catch {
            value = undefined;
          }
          const compact = documentSourceMap(document, lineCounter);
          const reference = new ReferenceSourceMap(document, lineCounter);
          for (const path of pathsOf(value)) {
            const where = `${JSON.stringify(path)} in ${JSON.stringify(chunk.text.slice(0, 80))}`;
            assert.deepEqual(compact.range(path, 'key'), reference.range(path, 'key'), where);
            assert.deepEqual(compact.range(path, 'value'), reference.range(path, 'value'), where);
            assert.equal(compact.has(path), reference.has(path), where);
            assert.equal(compact.scalarSource(path), reference.scalarSource(path), where);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 10000, `${compared} paths compared`);
  });
});
