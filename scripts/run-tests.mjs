// Runs `node --test` on every *.test.ts below the given folders.
// Node 20's test runner takes paths, not globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error('usage: node scripts/run-tests.mjs <folder|file>...');
  process.exit(2);
}

function collect(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : collect(child);
      return entry.name.endsWith('.test.ts') ? [child] : [];
    })
    .sort();
}

const files = roots.flatMap(collect);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${roots.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
