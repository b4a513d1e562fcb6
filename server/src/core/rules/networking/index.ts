import type { Rule } from '../rule';
import { ingressBackendInvalid } from './ingress-backend-invalid';
import { ingressBackendPortInvalid } from './ingress-backend-port-invalid';
import { ingressBackendServiceNameInvalid } from './ingress-backend-service-name-invalid';
import { ingressClassNameInvalid } from './ingress-class-name-invalid';
import { ingressHostInvalid } from './ingress-host-invalid';
import { ingressPathInvalid } from './ingress-path-invalid';
import { ingressRulesRequired } from './ingress-rules-required';
import { ingressTlsSecretNameInvalid } from './ingress-tls-secret-name-invalid';
import { ingressclassControllerInvalid } from './ingressclass-controller-invalid';
import { ingressclassParametersInvalid } from './ingressclass-parameters-invalid';
import { networkpolicyPeerInvalid } from './networkpolicy-peer-invalid';
import { networkpolicyPortInvalid } from './networkpolicy-port-invalid';
import { serviceClusterIpInvalid } from './service-cluster-ip-invalid';
import { serviceExternalNameRequired } from './service-external-name-required';
import { serviceExternalTrafficPolicyNotAllowed } from './service-external-traffic-policy-not-allowed';
import { serviceHeadlessNotAllowed } from './service-headless-not-allowed';
import { serviceLoadBalancerFieldNotAllowed } from './service-load-balancer-field-not-allowed';
import { serviceNodePortNotAllowed } from './service-node-port-not-allowed';
import { serviceNodePortRange } from './service-node-port-range';
import { servicePortInvalid } from './service-port-invalid';
import { servicePortNameRequired } from './service-port-name-required';
import { servicePortsRequired } from './service-ports-required';
import { serviceSessionAffinityTimeoutInvalid } from './service-session-affinity-timeout-invalid';

/** The networking rules, one file each. */
export const NETWORKING_RULES: readonly Rule[] = [
  servicePortsRequired,
  servicePortInvalid,
  servicePortNameRequired,
  serviceNodePortNotAllowed,
  serviceNodePortRange,
  serviceClusterIpInvalid,
  serviceHeadlessNotAllowed,
  serviceExternalNameRequired,
  serviceSessionAffinityTimeoutInvalid,
  serviceExternalTrafficPolicyNotAllowed,
  serviceLoadBalancerFieldNotAllowed,
  ingressRulesRequired,
  ingressPathInvalid,
  ingressBackendInvalid,
  ingressBackendServiceNameInvalid,
  ingressBackendPortInvalid,
  ingressHostInvalid,
  ingressTlsSecretNameInvalid,
  ingressClassNameInvalid,
  ingressclassControllerInvalid,
  ingressclassParametersInvalid,
  networkpolicyPortInvalid,
  networkpolicyPeerInvalid,
];
