// pkg/apis/core/validation/validation.go ValidateSecret: the keys each built-in type
// requires in data (stringData merged in): tls.crt and tls.key, .dockerconfigjson,
// .dockercfg, username or password, a non-empty ssh-privatekey, and the
// kubernetes.io/service-account.name annotation for service-account tokens.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import type { Rule } from '../rule';
import { mergedSecretData } from './secret-data';

const SECRET_TYPE_KEYS_MISSING: CodeInfo = {
  code: 'secret-type-keys-missing',
  category: 'api-server',
  severity: 'error',
  title: 'A Secret of a built-in type lacks the keys its type requires (e.g. tls.crt and tls.key).',
  example: 'type: kubernetes.io/tls\ndata:\n  tls.crt: LS0tLS1CRUdJTi…',
};

const SERVICE_ACCOUNT_NAME = 'kubernetes.io/service-account.name';

export const secretTypeKeysMissing: Rule = {
  codes: [SECRET_TYPE_KEYS_MISSING],
  kinds: ['/Secret'],
  check(context) {
    const { manifest } = context;
    const type = manifest.body.type;
    if (typeof type !== 'string') return;
    if (type === 'kubernetes.io/service-account-token') {
      const name = getAt(manifest.body, ['metadata', 'annotations', SERVICE_ACCOUNT_NAME]);
      if (typeof name === 'string' && name !== '') return;
      context.report({
        code: SECRET_TYPE_KEYS_MISSING,
        path: ['type'],
        target: 'value',
        message: `metadata.annotations[${SERVICE_ACCOUNT_NAME}]: Required value: a Secret of type ${type} names its ServiceAccount in this annotation`,
      });
      return;
    }
    const data = mergedSecretData(manifest);
    const has = (key: string): boolean => data.has(key);
    let missing: string[] = [];
    let needs = '';
    switch (type) {
      case 'kubernetes.io/tls':
        missing = ['tls.crt', 'tls.key'].filter((key) => !has(key));
        needs = 'the keys tls.crt and tls.key';
        break;
      case 'kubernetes.io/dockerconfigjson':
        missing = has('.dockerconfigjson') ? [] : ['.dockerconfigjson'];
        needs = 'the key .dockerconfigjson';
        break;
      case 'kubernetes.io/dockercfg':
        missing = has('.dockercfg') ? [] : ['.dockercfg'];
        needs = 'the key .dockercfg';
        break;
      case 'kubernetes.io/basic-auth':
        // username or password may be empty, but one of them must be present
        missing = has('username') || has('password') ? [] : ['username', 'password'];
        needs = 'the key username or password (or both)';
        break;
      case 'kubernetes.io/ssh-auth': {
        const key = data.get('ssh-privatekey');
        missing = key && key.bytes !== 0 ? [] : ['ssh-privatekey'];
        needs = 'a non-empty ssh-privatekey key';
        break;
      }
      default:
        return;
    }
    if (missing.length === 0) return;
    context.report({
      code: SECRET_TYPE_KEYS_MISSING,
      path: ['type'],
      target: 'value',
      message: `${missing.map((key) => `data[${key}]`).join(', ')}: Required value: a Secret of type ${type} needs ${needs} in data or stringData`,
    });
  },
};
