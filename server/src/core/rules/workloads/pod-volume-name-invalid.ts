// pkg/apis/core/validation/validation.go ValidateVolumes: a volume name is
// required and is a DNS-1123 label (duplicates are the schema's finding).
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkDns1123Label } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { nameProblemMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_VOLUME_NAME_INVALID: CodeInfo = {
  code: 'pod-volume-name-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A volume name is empty or not a DNS-1123 label (lowercase letters, digits and -, at most 63).',
  example: 'volumes:\n  - name: app_config\n    emptyDir: {}',
};

export const podVolumeNameInvalid: Rule = {
  codes: [POD_VOLUME_NAME_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const volume of objectItems(target.spec, target.path, 'volumes')) {
      const name = volume.item.name;
      if (typeof name !== 'string') continue;
      const path = [...volume.path, 'name'];
      const problems = checkDns1123Label(name);
      if (problems.length === 0) continue;
      context.report({
        code: POD_VOLUME_NAME_INVALID,
        path,
        target: 'value',
        message: nameProblemMessage(path, name, problems),
      });
    }
  },
};
