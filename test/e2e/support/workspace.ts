/** The fixture workspace: a copy of examples/ plus a GitHub Actions workflow, in a temp dir. */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './code-server';

export interface FixtureWorkspace {
  readonly path: string;
  remove(): void;
}

/** Copies examples/ into a fresh temp folder and adds `.github/workflows/ci.yaml`. */
export function createFixtureWorkspace(name: string): FixtureWorkspace {
  const root = mkdtempSync(join(tmpdir(), `slipway-${name}-ws-`));
  const path = join(root, 'examples');
  cpSync(join(REPO_ROOT, 'examples'), path, { recursive: true });
  mkdirSync(join(path, '.github', 'workflows'), { recursive: true });
  cpSync(
    join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'workflows', 'ci.yaml'),
    join(path, '.github', 'workflows', 'ci.yaml'),
  );
  return { path, remove: () => rmSync(root, { recursive: true, force: true }) };
}
