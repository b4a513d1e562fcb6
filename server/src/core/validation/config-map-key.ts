/**
 * apimachinery's IsConfigMapKey (k8s.io/apimachinery/pkg/util/validation):
 * the keys of ConfigMap `data`/`binaryData` and Secret `data`/`stringData`.
 * Returns the problems worded as the API server words them; empty means valid.
 */

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** The longest key the API server accepts (DNS1123SubdomainMaxLength). */
export const CONFIG_MAP_KEY_MAX = 253;

/** IsConfigMapKey: alphanumerics, '-', '_' or '.', ≤ 253, not '.' or '..', not starting with '..'. */
export function checkConfigMapKey(value: string): string[] {
  const problems: string[] = [];
  if (value.length > CONFIG_MAP_KEY_MAX) {
    problems.push(`must be no more than ${CONFIG_MAP_KEY_MAX} characters`);
  }
  if (!CONFIG_MAP_KEY.test(value)) {
    problems.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name')",
    );
  }
  if (value === '.') problems.push("must not be '.'");
  else if (value === '..') problems.push("must not be '..'");
  else if (value.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}
