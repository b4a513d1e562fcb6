// pkg/apis/core/validation/validation.go validateProbe, validateLivenessProbe,
// validateReadinessProbe, validateStartupProbe and validateHandler: a probe has
// exactly one handler (exec, httpGet, tcpSocket, grpc) with a valid port; its
// counters are not negative; successThreshold is 1 for liveness and startup
// probes; terminationGracePeriodSeconds is positive and not set on readiness
// probes. validateLifecycle: postStart/preStop have exactly one handler
// (exec, httpGet, tcpSocket, sleep). Zero counters are defaulted
// (pkg/apis/core/v1 SetDefaults_Probe), so they are no error.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { checkPortName, checkPortNumber } from '../../validation/name-validators';
import type { Rule, RuleContext } from '../rule';
import { forbiddenMessage, invalidMessage, requiredMessage } from './support/field-errors';
import { containersOf, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_PROBE_INVALID: CodeInfo = {
  code: 'pod-probe-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A probe has no or several handlers, a bad port, negative counters, or successThreshold ≠ 1 for liveness/startup.',
  example: 'livenessProbe:\n  httpGet: {path: /healthz, port: 8080}\n  successThreshold: 3',
};

export const POD_LIFECYCLE_HANDLER_INVALID: CodeInfo = {
  code: 'pod-lifecycle-handler-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A postStart or preStop hook has no or several handlers, or a bad port.',
  example: 'lifecycle:\n  preStop: {}',
};

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const COUNTERS = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
];

function checkHandler(
  context: RuleContext,
  code: CodeInfo,
  handler: JsonObject,
  path: JsonPath,
  kinds: readonly string[],
): void {
  const report = (at: JsonPath, message: string, where: 'key' | 'value' = 'key'): void =>
    context.report({ code, path: at, message, target: where });
  const present = kinds.filter((kind) => isJsonObject(handler[kind]));
  if (present.length === 0) {
    report(
      path,
      `${requiredMessage(path, 'must specify a handler type')} (one of ${kinds.join(', ')})`,
    );
  }
  for (const extra of present.slice(1)) {
    report(
      [...path, extra],
      forbiddenMessage([...path, extra], 'may not specify more than 1 handler type'),
    );
  }
  const exec = handler.exec;
  if (isJsonObject(exec) && (!Array.isArray(exec.command) || exec.command.length === 0)) {
    report([...path, 'exec'], requiredMessage([...path, 'exec', 'command']));
  }
  for (const kind of ['httpGet', 'tcpSocket']) {
    const action = handler[kind];
    if (!isJsonObject(action)) continue;
    const port = action.port;
    const portPath = [...path, kind, 'port'];
    const problems =
      typeof port === 'number'
        ? checkPortNumber(port)
        : typeof port === 'string'
          ? checkPortName(port)
          : [];
    if (problems.length > 0)
      report(portPath, invalidMessage(portPath, port, problems.join('; ')), 'value');
  }
  const grpc = handler.grpc;
  if (isJsonObject(grpc) && typeof grpc.port === 'number') {
    const problems = checkPortNumber(grpc.port);
    const portPath = [...path, 'grpc', 'port'];
    if (problems.length > 0)
      report(portPath, invalidMessage(portPath, grpc.port, problems.join('; ')), 'value');
  }
}

export const podProbeInvalid: Rule = {
  codes: [POD_PROBE_INVALID, POD_LIFECYCLE_HANDLER_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const entry of containersOf(target, ['containers', 'initContainers'])) {
      // Non-sidecar init containers may not have probes at all (pod-init-container-field-forbidden).
      if (entry.list === 'initContainers' && entry.container.restartPolicy !== 'Always') continue;
      for (const kind of PROBES) {
        const probe = entry.container[kind];
        if (!isJsonObject(probe)) continue;
        const path = [...entry.path, kind];
        const report = (at: JsonPath, message: string): void =>
          context.report({
            code: POD_PROBE_INVALID,
            path: at,
            message,
            target: 'value',
          });
        checkHandler(context, POD_PROBE_INVALID, probe, path, PROBE_HANDLERS);
        for (const counter of COUNTERS) {
          const value = probe[counter];
          if (typeof value === 'number' && value < 0) {
            report(
              [...path, counter],
              invalidMessage([...path, counter], value, 'must be greater than or equal to 0'),
            );
          }
        }
        const success = probe.successThreshold;
        if (kind !== 'readinessProbe' && typeof success === 'number' && success > 1) {
          report(
            [...path, 'successThreshold'],
            `${invalidMessage([...path, 'successThreshold'], success, 'must be 1')} (a ${kind} succeeds on the first success)`,
          );
        }
        const grace = probe.terminationGracePeriodSeconds;
        if (typeof grace === 'number') {
          const gracePath = [...path, 'terminationGracePeriodSeconds'];
          if (kind === 'readinessProbe')
            report(
              gracePath,
              invalidMessage(gracePath, grace, 'must not be set for readinessProbes'),
            );
          else if (grace <= 0)
            report(gracePath, invalidMessage(gracePath, grace, 'must be greater than 0'));
        }
      }
      const lifecycle = entry.container.lifecycle;
      if (!isJsonObject(lifecycle)) continue;
      for (const hook of ['postStart', 'preStop']) {
        const handler = lifecycle[hook];
        if (!isJsonObject(handler)) continue;
        checkHandler(
          context,
          POD_LIFECYCLE_HANDLER_INVALID,
          handler,
          [...entry.path, 'lifecycle', hook],
          LIFECYCLE_HANDLERS,
        );
      }
    }
  },
};
