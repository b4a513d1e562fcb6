/**
 * The path the backend receives under ingress-nginx's
 * `nginx.ingress.kubernetes.io/rewrite-target`. The controller writes, in the
 * location of each path of that Ingress (template.go buildProxyPass):
 *
 *     rewrite "(?i)<path>" <rewrite-target> break;
 *
 * so nginx replaces the whole URI by the target, with `$1`, `$2` … standing
 * for the path's capture groups (docs: examples/rewrite — with
 * `path: /something(/|$)(.*)` and `rewrite-target: /$2`, `/something/new`
 * reaches the backend as `/new`; a target without groups, like the seed
 * notes' `/`, sends every request of that path to `/`). When the target
 * equals the path, nothing is rewritten (needsRewrite).
 */

/** The path the backend receives for `requestPath`, matched by the Ingress path `path`. */
export function rewritePath(path: string, target: string, requestPath: string): string {
  if (target === path) return requestPath;
  let match: RegExpExecArray | null;
  try {
    match = new RegExp(path, 'i').exec(requestPath);
  } catch {
    match = null;
  }
  if (!match) return requestPath;
  const groups = match;
  return target.replace(/\$(\d)/g, (_, digit: string) => groups[Number(digit)] ?? '');
}
