import type { CodeInfo } from '../diagnostics/code-info';
import type { Severity } from '../diagnostics/severity';
import type { JsonPath } from '../model/json';
import type { Manifest } from '../model/manifest';

/** What a rule reports: a code of its own, a path in the manifest and a message. */
export interface RuleReport {
  /** One of the rule's `codes`. */
  code: CodeInfo;
  /** Where: a path inside the manifest's body. */
  path: JsonPath;
  /** The key (default) or the scalar value at the path. */
  target?: 'key' | 'value';
  /** What was found and what is allowed. */
  message: string;
  /** Overrides the code's default severity (e.g. a warning for a rule that is an error only in newer releases). */
  severity?: Severity;
}

/** What a rule sees. */
export interface RuleContext {
  readonly manifest: Manifest;
  report(report: RuleReport): void;
}

/**
 * One API-server rule that the OpenAPI schema cannot express. One file per
 * rule, named after its main code; it cites the Kubernetes source it follows.
 */
export interface Rule {
  /** The codes this rule can report (registered in the code registry). */
  codes: readonly CodeInfo[];
  /** Kinds it applies to as `group/Kind` (core group: `/Service`), or `*` for every built-in kind. */
  kinds: readonly string[] | '*';
  check(context: RuleContext): void;
}

/** True when a rule applies to a manifest. */
export function ruleApplies(rule: Rule, manifest: Manifest): boolean {
  if (rule.kinds === '*') return true;
  return rule.kinds.includes(manifest.groupKind);
}

const rulesByKind = new WeakMap<readonly Rule[], Map<string, readonly Rule[]>>();

/**
 * The rules of a list that apply to a manifest, in list order: worked out
 * once per kind (`group/Kind`), not once per rule and manifest.
 */
export function rulesFor(rules: readonly Rule[], manifest: Manifest): readonly Rule[] {
  let byKind = rulesByKind.get(rules);
  if (!byKind) {
    byKind = new Map();
    rulesByKind.set(rules, byKind);
  }
  const kind = manifest.groupKind;
  let applicable = byKind.get(kind);
  if (!applicable) {
    applicable = rules.filter((rule) => ruleApplies(rule, manifest));
    byKind.set(kind, applicable);
  }
  return applicable;
}
