import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WorkspaceIndex } from '../../../server/src/lsp/workspace-index';
import { coreContext } from '../../support/core-context';

const service = (name: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80\n`;
const manifest = (count: number, prefix: string): string =>
  Array.from({ length: count }, (_, i) => service(`${prefix}-${i}`)).join('---\n');

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-index-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('workspace index', () => {
  it('checks a document that several files hold once, and keeps one result for it', async () => {
    const text = manifest(20, 'web');
    const dir = folderWith({ 'a.yaml': text, 'b.yaml': text });
    try {
      const index = new WorkspaceIndex(coreContext());
      index.setFolders([dir]);
      await index.scan(
        () => false,
        () => Promise.resolve(),
      );
      const a = index.get(join(dir, 'a.yaml'));
      const b = index.get(join(dir, 'b.yaml'));
      assert.ok(a && b);
      assert.equal(b.check.manifests.length, 20);
      b.check.manifests.forEach(({ manifest: m }, i) =>
        assert.equal(m, a.check.manifests[i]?.manifest, 'the same checked document'),
      );
      // An editor copy outside the folder reuses them too.
      const copy = index.setText(join(dir, 'elsewhere', 'c.yaml'), text, true);
      assert.equal(copy.check.manifests[3]?.manifest, a.check.manifests[3]?.manifest);
      // Once no file holds a document, it is forgotten: an edit of every holder re-checks it.
      index.remove(join(dir, 'a.yaml'));
      index.remove(join(dir, 'b.yaml'));
      index.setText(join(dir, 'elsewhere', 'c.yaml'), manifest(20, 'api'), true);
      const again = index.setText(join(dir, 'elsewhere', 'c.yaml'), text, true);
      assert.notEqual(again.check.manifests[3]?.manifest, a.check.manifests[3]?.manifest);
      assert.deepEqual(again.check.findings, a.check.findings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets an editor that opens a file during the scan have it, from what the scan has checked', async () => {
    const text = manifest(3000, 'big');
    const dir = folderWith({ 'big.yaml': text });
    const path = join(dir, 'big.yaml');
    try {
      const index = new WorkspaceIndex(coreContext());
      index.setFolders([dir]);
      let yields = 0;
      let opened: ReturnType<WorkspaceIndex['setText']> | undefined;
      await index.scan(
        () => false,
        () => {
          yields++;
          // The scan lets messages in between slices: the editor opens the file then.
          if (yields === 2) opened = index.setText(path, text, true);
          return Promise.resolve();
        },
      );
      assert.ok(yields >= 2, `the scan yielded ${yields} times`);
      assert.ok(opened);
      assert.equal(index.get(path), opened, 'the scan left the open file to the editor');
      assert.equal(opened.check.manifests.length, 3000);
      assert.ok(index.isOpen(path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
