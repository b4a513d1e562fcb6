import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { RULE_SEVERITIES, type RuleSeverity } from '../protocol/settings';

/** `.slipway/config.yaml`: the CLI's counterpart of the editor's `slipway.rules`. */
export interface ProjectConfig {
  rules: Record<string, RuleSeverity>;
  /** The file it came from, when one was found. */
  path?: string;
}

/** The nearest `.slipway/<name>` at or above `start` (a file or a folder). */
export function findUp(start: string, name: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && statSync(dir).isFile()) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, '.slipway', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads the project config for a path; problems are thrown as messages for the usage error path. */
export function readProjectConfig(start: string): ProjectConfig {
  const path = findUp(start, 'config.yaml');
  if (!path) return { rules: {} };
  const raw: unknown = parse(readFileSync(path, 'utf8'));
  const rules: Record<string, RuleSeverity> = {};
  const section =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).rules : undefined;
  if (typeof section === 'object' && section !== null) {
    for (const [code, severity] of Object.entries(section)) {
      if (
        typeof severity === 'string' &&
        (RULE_SEVERITIES as readonly string[]).includes(severity)
      ) {
        rules[code] = severity as RuleSeverity;
      } else {
        throw new Error(`${path}: rules.${code} must be one of ${RULE_SEVERITIES.join(', ')}`);
      }
    }
  }
  return { rules, path };
}
