/**
 * Ingress host matching (pkg/apis/networking/types.go IngressRule.Host and
 * the Ingress documentation's "Hostname wildcards" table): a precise host
 * matches the request's host exactly; `*.foo.com` matches a host with exactly
 * one more DNS label (`bar.foo.com`, not `foo.com` nor `baz.bar.foo.com`).
 * Hosts compare case-insensitively, as DNS names do.
 */

/** How a rule's host matches a request host: `exact`, `wildcard`, or undefined. */
export function matchHost(ruleHost: string, requestHost: string): 'exact' | 'wildcard' | undefined {
  const rule = ruleHost.toLowerCase();
  const host = requestHost.toLowerCase();
  if (rule === host) return 'exact';
  if (!rule.startsWith('*.')) return undefined;
  const suffix = rule.slice(1);
  if (!host.endsWith(suffix)) return undefined;
  const label = host.slice(0, host.length - suffix.length);
  return label !== '' && !label.includes('.') ? 'wildcard' : undefined;
}
