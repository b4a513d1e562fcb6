import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** The YAML files of the given paths: files as given, folders walked (sorted, node_modules skipped). */
export function collectYamlFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const child = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(child);
      } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
        files.push(child);
      }
    }
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else files.push(path);
  }
  return { files: [...new Set(files.map((file) => resolve(file)))], missing };
}
