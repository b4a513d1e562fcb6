/**
 * Validators used by the pod and workload rules, rule for rule from
 * k8s.io/apimachinery/pkg/util/validation (IsRelaxedEnvVarName,
 * IsValidPercent, IsConfigMapKey, IsValidIP) and pkg/apis/core/validation
 * (validateLocalDescendingPath, validatePathNoBacksteps,
 * ValidateLocalNonReservedPath). Each returns the problems worded as the API
 * server words them; an empty list means valid.
 */

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

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** IsConfigMapKey: ≤ 253 alphanumerics, '-', '_' or '.', and not '.' or '..' (or starting with '..'). */
export function checkConfigMapKey(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 253) problems.push('must be no more than 253 characters');
  if (!CONFIG_MAP_KEY.test(value)) {
    problems.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
  }
  if (value === '.') problems.push("must not be '.'");
  else if (value === '..') problems.push("must not be '..'");
  else if (value.startsWith('..')) problems.push("must not start with '..'");
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

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIpv4(value: string): boolean {
  const match = IPV4.exec(value);
  if (!match) return false;
  return match.slice(1).every((octet) => Number(octet) <= 255);
}

function isIpv6(value: string): boolean {
  if (value.length === 0 || value.includes(':::')) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups: string[] = [];
  let ipv4Tail = false;
  const parse = (part: string, last: boolean): boolean => {
    if (part === '') return true;
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i] ?? '';
      if (last && i === items.length - 1 && item.includes('.')) {
        if (!isIpv4(item)) return false;
        ipv4Tail = true;
        continue;
      }
      if (!HEX_GROUP.test(item)) return false;
      groups.push(item);
    }
    return true;
  };
  const [head = '', tail] = halves;
  if (!parse(head, tail === undefined)) return false;
  if (tail !== undefined && !parse(tail, true)) return false;
  const width = groups.length + (ipv4Tail ? 2 : 0);
  return tail === undefined ? width === 8 : width < 8;
}

/** IsValidIP (ParseIPSloppy): an IPv4 or IPv6 address. */
export function isIpAddress(value: string): boolean {
  return isIpv4(value) || isIpv6(value);
}

/** The largest file mode the API server accepts: 0777 octal. */
export const MAX_FILE_MODE = 0o777;
