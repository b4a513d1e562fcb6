/**
 * test/fixtures/valid holds realistic manifests of every supported kind,
 * written in the style of the Kubernetes docs: not one finding of any severity.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { coreContext, REPO_ROOT } from '../../support/core-context';

const VALID = join(REPO_ROOT, 'test/fixtures/valid');
const files = readdirSync(VALID)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

describe('valid fixtures', () => {
  for (const file of files) {
    it(`${file} gives no finding`, () => {
      const findings = checkText(readFileSync(join(VALID, file), 'utf8'), coreContext()).findings;
      assert.deepEqual(
        findings.map(
          (f) =>
            `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`,
        ),
        [],
      );
    });
  }

  it('cover every supported kind with at least 40 documents', () => {
    const kinds = new Map<string, number>();
    for (const file of files) {
      for (const { manifest } of checkText(readFileSync(join(VALID, file), 'utf8'), coreContext())
        .manifests) {
        kinds.set(manifest.kind, (kinds.get(manifest.kind) ?? 0) + 1);
      }
    }
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    assert.ok(total >= 40, `only ${total} documents`);
    for (const kind of [
      'Service',
      'Ingress',
      'DaemonSet',
      'ConfigMap',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'StatefulSet',
      'Deployment',
      'ReplicaSet',
      'Pod',
      'Job',
      'CronJob',
      'IngressClass',
      'StorageClass',
    ]) {
      assert.ok((kinds.get(kind) ?? 0) >= 2, `${kind}: ${kinds.get(kind) ?? 0} documents`);
    }
  });
});
