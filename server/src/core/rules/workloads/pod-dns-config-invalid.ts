// pkg/apis/core/validation/validation.go validatePodDNSConfig: dnsPolicy None
// needs a dnsConfig with at least one nameserver; at most 3 nameservers, each
// an IP address; at most 32 search domains of at most 2048 characters in all,
// each a DNS subdomain (underscores allowed: RelaxedDNSSearchValidation); and
// every option has a name.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject, type JsonPath } from '../../model/json';
import { checkDns1123Subdomain } from '../../validation/name-validators';
import { isIpAddress } from '../../validation/workload-validators';
import type { Rule } from '../rule';
import { invalidMessage, requiredMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_DNS_CONFIG_INVALID: CodeInfo = {
  code: 'pod-dns-config-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'dnsPolicy None without a dnsConfig nameserver, or a dnsConfig beyond the limits (3 nameservers, 32 searches).',
  example: 'dnsPolicy: None\n# no dnsConfig',
};

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;

export const podDnsConfigInvalid: Rule = {
  codes: [POD_DNS_CONFIG_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const report = (path: JsonPath, message: string, at: 'key' | 'value' = 'key'): void =>
      context.report({ code: POD_DNS_CONFIG_INVALID, path, message, target: at });
    const configPath = [...target.path, 'dnsConfig'];
    const config = target.spec.dnsConfig;
    const nameservers =
      isJsonObject(config) && Array.isArray(config.nameservers) ? config.nameservers : [];
    if (target.spec.dnsPolicy === 'None') {
      if (!isJsonObject(config)) {
        report(
          [...target.path, 'dnsPolicy'],
          requiredMessage(configPath, 'must provide `dnsConfig` when `dnsPolicy` is None'),
        );
        return;
      }
      if (nameservers.length === 0) {
        report(
          configPath,
          requiredMessage(
            [...configPath, 'nameservers'],
            'must provide at least one DNS nameserver when `dnsPolicy` is None',
          ),
        );
        return;
      }
    }
    if (!isJsonObject(config)) return;
    const nameserversPath = [...configPath, 'nameservers'];
    if (nameservers.length > MAX_NAMESERVERS) {
      report(
        nameserversPath,
        invalidMessage(
          nameserversPath,
          nameservers,
          `must not have more than ${MAX_NAMESERVERS} nameservers`,
        ),
      );
    }
    nameservers.forEach((server, index) => {
      if (typeof server !== 'string' || isIpAddress(server)) return;
      const path = [...nameserversPath, index];
      report(
        path,
        invalidMessage(
          path,
          server,
          'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        ),
        'value',
      );
    });
    const searches = Array.isArray(config.searches) ? config.searches : [];
    const searchesPath = [...configPath, 'searches'];
    if (searches.length > MAX_SEARCHES) {
      report(
        searchesPath,
        invalidMessage(
          searchesPath,
          searches,
          `must not have more than ${MAX_SEARCHES} search paths`,
        ),
      );
    }
    const strings = searches.filter((search): search is string => typeof search === 'string');
    if (strings.join(' ').length > MAX_SEARCH_CHARS) {
      report(
        searchesPath,
        invalidMessage(
          searchesPath,
          searches,
          `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`,
        ),
      );
    }
    searches.forEach((search, index) => {
      if (typeof search !== 'string' || search === '.') return;
      const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
      // RelaxedDNSSearchValidation: underscores are allowed like letters.
      const problems = checkDns1123Subdomain(trimmed.replace(/_/g, 'a'));
      if (problems.length === 0) return;
      const path = [...searchesPath, index];
      report(path, invalidMessage(path, trimmed, problems.join('; ')), 'value');
    });
    for (const option of objectItems(config, configPath, 'options')) {
      if (typeof option.item.name === 'string' && option.item.name.length > 0) continue;
      report(option.path, requiredMessage(option.path, 'must not be empty'));
    }
  },
};
