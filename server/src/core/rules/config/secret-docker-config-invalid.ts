// pkg/apis/core/validation/validation.go ValidateSecret: for kubernetes.io/dockerconfigjson
// and kubernetes.io/dockercfg, the config must unmarshal into a JSON object
// (json.Unmarshal into map[string]interface{}).
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { mergedSecretData } from './secret-data';

const SECRET_DOCKER_CONFIG_INVALID: CodeInfo = {
  code: 'secret-docker-config-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A registry-credential Secret holds a .dockerconfigjson or .dockercfg that is not a JSON object.',
  example: 'type: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: "{auths: {}}"',
};

const KEYS: Record<string, string> = {
  'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
  'kubernetes.io/dockercfg': '.dockercfg',
};

/** Why Go's json.Unmarshal into a map rejects the text, or undefined when it accepts it. */
function jsonObjectProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (value === null || (typeof value === 'object' && !Array.isArray(value))) return undefined;
  const kind = Array.isArray(value) ? 'array' : typeof value;
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}

export const secretDockerConfigInvalid: Rule = {
  codes: [SECRET_DOCKER_CONFIG_INVALID],
  kinds: ['/Secret'],
  check(context) {
    const { manifest } = context;
    const type = manifest.body.type;
    if (typeof type !== 'string') return;
    const key = KEYS[type];
    if (key === undefined) return;
    const entry = mergedSecretData(manifest).get(key);
    if (!entry || entry.bytes === undefined) return; // missing or not base64: other codes report it
    const text = entry.text();
    if (text === undefined) return;
    const problem = jsonObjectProblem(text);
    if (!problem) return;
    context.report({
      code: SECRET_DOCKER_CONFIG_INVALID,
      path: entry.path,
      target: 'value',
      message: `data[${key}]: Invalid value: "<secret contents redacted>": ${problem}; expected a JSON object such as {"auths":{"registry.example.com":{"auth":"<base64 user:password>"}}}`,
    });
  },
};
