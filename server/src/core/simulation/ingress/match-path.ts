/**
 * Ingress path matching.
 *
 * pkg/apis/networking/types.go (HTTPIngressPath.PathType) and the Ingress
 * documentation's "Examples" table define it:
 * - Exact: the URL path equals the path, case-sensitively (`/foo` does not match `/foo/`).
 * - Prefix: the path and the URL path are split on `/` into elements, and the
 *   path's elements are a prefix of the URL path's, element by element; a
 *   trailing slash is ignored (`/foo` and `/foo/` both match `/foo`,
 *   `/foo/`, `/foo/bar`, but not `/foobar`).
 * - ImplementationSpecific: up to the controller; matched here as Prefix.
 *
 * ingress-nginx turns every path of a host into a case-insensitive regular
 * expression `~* "^<path>"` when an Ingress of that host uses
 * `nginx.ingress.kubernetes.io/use-regex: "true"` or a rewrite-target
 * (internal/ingress/controller/template/template.go enforceRegexModifier and
 * buildLocation; docs user-guide/ingress-path-matching.md). `regex` selects
 * that mode.
 */
import type { IngressPathType } from './ingress-view';

function elements(path: string): string[] {
  return path.split('/').filter((element) => element !== '');
}

/** Compiles a path as ingress-nginx's `~* "^<path>"` location; undefined when it does not compile. */
export function pathRegex(path: string): RegExp | undefined {
  try {
    return new RegExp(`^${path}`, 'i');
  } catch {
    return undefined;
  }
}

/** True when a request path matches an Ingress path of the given type. */
export function matchesPath(
  path: string,
  pathType: IngressPathType,
  requestPath: string,
  regex = false,
): boolean {
  if (regex) return pathRegex(path)?.test(requestPath) ?? false;
  if (pathType === 'Exact') return requestPath === path;
  const want = elements(path);
  const have = elements(requestPath);
  if (want.length > have.length) return false;
  return want.every((element, index) => have[index] === element);
}
