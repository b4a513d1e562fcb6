// Follows pkg/apis/core/validation/validation.go ValidateService,
// validateClientIPAffinityConfig and validateAffinityTimeout
// (0 < timeoutSeconds ≤ MaxClientIPServiceAffinitySeconds = 86400); SetDefaults_Service
// fills a missing config for ClientIP and drops the config when sessionAffinity is None.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import type { Rule } from '../rule';
import { serviceSpec } from './service-spec';

const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

const AFFINITY_TIMEOUT_INVALID: CodeInfo = {
  code: 'service-session-affinity-timeout-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'sessionAffinityConfig.clientIP.timeoutSeconds is outside 1-86400 with sessionAffinity: ClientIP.',
  example: 'sessionAffinity: ClientIP\nsessionAffinityConfig:\n  clientIP:\n    timeoutSeconds: 0',
};

/** The ClientIP affinity timeout lies in (0, 86400]. */
export const serviceSessionAffinityTimeoutInvalid: Rule = {
  codes: [AFFINITY_TIMEOUT_INVALID],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    if (spec.sessionAffinity !== 'ClientIP') return;
    const path = ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'];
    const timeout = getAt(manifest.body, path);
    if (typeof timeout !== 'number' || !Number.isInteger(timeout)) return;
    if (timeout > 0 && timeout <= MAX_CLIENT_IP_AFFINITY_SECONDS) return;
    context.report({
      code: AFFINITY_TIMEOUT_INVALID,
      path,
      target: 'value',
      message: `spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: ${timeout}: must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS} (1 to ${MAX_CLIENT_IP_AFFINITY_SECONDS} seconds)`,
    });
  },
};
