/**
 * Validators used by the pod and workload rules, rule for rule from
 * k8s.io/apimachinery/pkg/util/validation (IsRelaxedEnvVarName,
 * IsValidPercent, IsConfigMapKey, IsValidIP) and pkg/apis/core/validation
 * (validateLocalDescendingPath, validatePathNoBacksteps,
 * ValidateLocalNonReservedPath). Each returns the problems worded as the API
 * server words them; an empty list means valid. IsConfigMapKey lives in
 * config-map-key.ts and IP parsing in ip-validators.ts; they are re-exported here.
 */
import { parseIp } from './ip-validators';

export { checkConfigMapKey } from './config-map-key';

const RELAXED_ENV_VAR_NAME_MESSAGE =
  "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** IsRelaxedEnvVarName: non-empty, printable ASCII (space included) except '='. */
export function checkRelaxedEnvVarName(value: string): string[] {
  const problems: string[] = [];
  if (value.length === 0) problems.push('environment variable name must be non-empty');
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e || char === '=') {
      problems.push(RELAXED_ENV_VAR_NAME_MESSAGE);
      break;
    }
  }
  return problems;
}

/** validatePathNoBacksteps: no `..` element (either separator). */
export function checkPathNoBacksteps(path: string): string[] {
  return path.replace(/\\/g, '/').split('/').includes('..') ? ["must not contain '..'"] : [];
}

/** validateLocalDescendingPath: relative, and no `..` element. */
export function checkLocalDescendingPath(path: string): string[] {
  const problems: string[] = [];
  if (path.startsWith('/')) problems.push('must be a relative path');
  problems.push(...checkPathNoBacksteps(path));
  return problems;
}

/** ValidateLocalNonReservedPath: a local descending path that does not start with `..`. */
export function checkLocalNonReservedPath(path: string): string[] {
  const problems = checkLocalDescendingPath(path);
  if (path.startsWith('..') && !path.startsWith('../')) problems.push("must not start with '..'");
  return problems;
}

const PERCENT = /^[0-9]+%$/;

/** IsValidPercent: digits followed by '%'. */
export function checkPercent(value: string): string[] {
  return PERCENT.test(value)
    ? []
    : [
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%', or '93%')",
      ];
}

/** IsValidIP (ParseIPSloppy): an IPv4 or IPv6 address. */
export function isIpAddress(value: string): boolean {
  return parseIp(value) !== undefined;
}

/** The largest file mode the API server accepts: 0777 octal. */
export const MAX_FILE_MODE = 0o777;
