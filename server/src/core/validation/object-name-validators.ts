/**
 * The API server's object-name functions (k8s.io/apimachinery/pkg/api/validation
 * `ValidateNameFunc`: NameIsDNSSubdomain, NameIsDNSLabel, NameIsDNS1035Label,
 * and `path.ValidatePathSegmentName` for RBAC), plus
 * k8s.io/apimachinery/pkg/util/validation `IsDomainPrefixedPath`. Each returns
 * the problems worded as the API server words them; empty means valid.
 */
import { checkDns1035Label, checkDns1123Label, checkDns1123Subdomain } from './name-validators';

/**
 * A name function: `prefix` is true for `metadata.generateName`, where a
 * random suffix is appended, so a trailing '-' is allowed.
 */
export type NameValidator = (name: string, prefix: boolean) => string[];

/**
 * apimachinery `maskTrailingDash`: replaces a trailing '-' so a generateName
 * prefix validates. It drops the last two characters and appends 'a', as the
 * Go code does.
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** NameIsDNSSubdomain: a lowercase RFC 1123 subdomain (≤ 253). */
export const nameIsDnsSubdomain: NameValidator = (name, prefix) =>
  checkDns1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** NameIsDNSLabel: a lowercase RFC 1123 label (≤ 63). */
export const nameIsDnsLabel: NameValidator = (name, prefix) =>
  checkDns1123Label(prefix ? maskTrailingDash(name) : name);

/** NameIsDNS1035Label: a DNS-1035 label, starting with a letter (≤ 63). */
export const nameIsDns1035Label: NameValidator = (name, prefix) =>
  checkDns1035Label(prefix ? maskTrailingDash(name) : name);

const NAME_MAY_NOT_BE = ['.', '..'];
const NAME_MAY_NOT_CONTAIN = ['/', '%'];

/** IsValidPathSegmentName: any string except '.' and '..' without '/' or '%'. */
export function checkPathSegmentName(name: string): string[] {
  for (const illegal of NAME_MAY_NOT_BE) {
    if (name === illegal) return [`may not be '${illegal}'`];
  }
  return NAME_MAY_NOT_CONTAIN.filter((part) => name.includes(part)).map(
    (part) => `may not contain '${part}'`,
  );
}

/** ValidatePathSegmentName: a generateName prefix may be '.' or '..' since a suffix follows. */
export const nameIsPathSegment: NameValidator = (name, prefix) =>
  prefix
    ? NAME_MAY_NOT_CONTAIN.filter((part) => name.includes(part)).map(
        (part) => `may not contain '${part}'`,
      )
    : checkPathSegmentName(name);

const HTTP_PATH_FORMAT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH = new RegExp(`^${HTTP_PATH_FORMAT}$`);

/**
 * IsDomainPrefixedPath (an IngressClass controller): `domain/path`, the
 * domain a DNS-1123 subdomain and the path HTTP path characters.
 */
export function checkDomainPrefixedPath(value: string): string[] {
  const slash = value.indexOf('/');
  if (slash <= 0 || slash === value.length - 1) {
    return ['must be a domain-prefixed path (such as "acme.io/foo")'];
  }
  const host = value.slice(0, slash);
  const path = value.slice(slash + 1);
  const problems = checkDns1123Subdomain(host).map((p) => `domain "${host}": ${p}`);
  if (!HTTP_PATH.test(path)) {
    problems.push(
      `path "${path}": Invalid path (regex used for validation is '${HTTP_PATH_FORMAT}')`,
    );
  }
  return problems;
}
