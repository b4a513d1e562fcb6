import type { CodeInfo } from '../../diagnostics/code-info';

/** A pod template reads a ConfigMap that does not exist (and is not optional). */
export const CONFIGMAP_NOT_FOUND: CodeInfo = {
  code: 'configmap-not-found',
  category: 'cross-resource',
  severity: 'error',
  title:
    'A pod reads a ConfigMap that does not exist in its namespace and is not optional; the kubelet cannot start it.',
  example: 'envFrom:\n- configMapRef:\n    name: app-config  # no such ConfigMap',
};

/** A pod template reads a ConfigMap key that does not exist (and is not optional). */
export const CONFIGMAP_KEY_NOT_FOUND: CodeInfo = {
  code: 'configmap-key-not-found',
  category: 'cross-resource',
  severity: 'error',
  title:
    'A pod reads a key its ConfigMap does not have and the reference is not optional; the kubelet cannot start it.',
  example: 'configMapKeyRef:\n  name: app-config\n  key: DB_HOST  # app-config has no DB_HOST',
};

/** A pod template reads a Secret that does not exist (and is not optional). */
export const SECRET_NOT_FOUND: CodeInfo = {
  code: 'secret-not-found',
  category: 'cross-resource',
  severity: 'error',
  title:
    'A pod reads a Secret that does not exist in its namespace and is not optional; the kubelet cannot start it.',
  example: 'volumes:\n- name: tls\n  secret:\n    secretName: web-tls  # no such Secret',
};

/** A pod template reads a Secret key that does not exist (and is not optional). */
export const SECRET_KEY_NOT_FOUND: CodeInfo = {
  code: 'secret-key-not-found',
  category: 'cross-resource',
  severity: 'error',
  title:
    'A pod reads a key its Secret does not have and the reference is not optional; the kubelet cannot start it.',
  example: 'secretKeyRef:\n  name: db\n  key: password  # db has no password key',
};

/** The ConfigMap and Secret codes of the simulation, for the code registry. */
export const CONFIG_CODES: readonly CodeInfo[] = [
  CONFIGMAP_NOT_FOUND,
  CONFIGMAP_KEY_NOT_FOUND,
  SECRET_NOT_FOUND,
  SECRET_KEY_NOT_FOUND,
];
