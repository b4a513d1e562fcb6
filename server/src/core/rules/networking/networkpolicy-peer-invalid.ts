// Follows pkg/apis/networking/validation/validation.go ValidateNetworkPolicyPeer
// and ValidateIPBlock: a peer sets podSelector and/or namespaceSelector, or
// ipBlock alone; ipBlock.cidr and except are CIDRs and each except lies
// strictly inside cidr.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject, type JsonPath } from '../../model/json';
import { checkCidr, cidrContains, parseCidr } from '../../validation/ip-validators';
import type { Rule, RuleContext } from '../rule';

const PEER_INVALID: CodeInfo = {
  code: 'networkpolicy-peer-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A NetworkPolicy from/to peer is empty or combines ipBlock with a selector, or its ipBlock has an invalid CIDR or an except outside cidr.',
  example: 'from:\n  - ipBlock:\n      cidr: 10.0.0.0/16\n    podSelector: {}',
};

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function checkIpBlock(context: RuleContext, at: JsonPath, block: unknown): void {
  if (!isJsonObject(block)) return;
  const report = (path: JsonPath, value: string, message: string): void =>
    context.report({
      code: PEER_INVALID,
      path,
      target: 'value',
      message: `${formatPath(path)}: Invalid value: ${JSON.stringify(value)}: ${message}`,
    });
  const cidr = block.cidr;
  if (typeof cidr !== 'string' || cidr === '') return;
  const cidrProblems = checkCidr(cidr);
  if (cidrProblems.length > 0) {
    report([...at, 'cidr'], cidr, cidrProblems.join('; '));
    return;
  }
  const outer = parseCidr(cidr);
  const except = block.except;
  if (!outer || !Array.isArray(except)) return;
  except.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const path = [...at, 'except', index];
    const inner = parseCidr(value);
    if (!inner) {
      report(path, value, checkCidr(value).join('; '));
      return;
    }
    if (!cidrContains(outer, inner) || outer.prefix >= inner.prefix) {
      report(path, value, `must be a strict subset of \`cidr\` (${cidr})`);
    }
  });
}

function checkPeer(context: RuleContext, at: JsonPath, peer: unknown): void {
  if (!isJsonObject(peer)) return;
  const count = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((key) =>
    isSet(peer[key]),
  ).length;
  if (count === 0) {
    context.report({
      code: PEER_INVALID,
      path: at,
      message: `${formatPath(at)}: Required value: must specify a peer (podSelector, namespaceSelector or ipBlock)`,
    });
    return;
  }
  if (count > 1 && isSet(peer.ipBlock)) {
    context.report({
      code: PEER_INVALID,
      path: [...at, 'ipBlock'],
      message: `${formatPath(at)}: Forbidden: may not specify both ipBlock and another peer (list them as separate peers)`,
    });
  }
  checkIpBlock(context, [...at, 'ipBlock'], peer.ipBlock);
}

/** NetworkPolicy ingress `from` and egress `to` peers. */
export const networkpolicyPeerInvalid: Rule = {
  codes: [PEER_INVALID],
  kinds: ['networking.k8s.io/NetworkPolicy'],
  check(context) {
    for (const [direction, peers] of [
      ['ingress', 'from'],
      ['egress', 'to'],
    ] as const) {
      const rules = getAt(context.manifest.body, ['spec', direction]);
      if (!Array.isArray(rules)) continue;
      rules.forEach((rule, i) => {
        const list = isJsonObject(rule) ? rule[peers] : undefined;
        if (!Array.isArray(list)) return;
        list.forEach((peer, j) => checkPeer(context, ['spec', direction, i, peers, j], peer));
      });
    }
  },
};
