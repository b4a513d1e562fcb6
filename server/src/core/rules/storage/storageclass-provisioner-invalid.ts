// pkg/apis/storage/validation/validation.go ValidateStorageClass / validateProvisioner:
// provisioner is required and, lowercased, a qualified name (ValidateQualifiedName).
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkQualifiedName } from '../../validation/name-validators';
import type { Rule } from '../rule';

const STORAGECLASS_PROVISIONER_INVALID: CodeInfo = {
  code: 'storageclass-provisioner-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A StorageClass's provisioner is empty or not a qualified name.",
  example: 'provisioner: https://ebs.csi.aws.com',
};

export const storageClassProvisionerInvalid: Rule = {
  codes: [STORAGECLASS_PROVISIONER_INVALID],
  kinds: ['storage.k8s.io/StorageClass'],
  check(context) {
    const { manifest } = context;
    const provisioner = manifest.body.provisioner;
    if (typeof provisioner !== 'string') return; // missing or mistyped: the schema reports it
    if (provisioner === '') {
      context.report({
        code: STORAGECLASS_PROVISIONER_INVALID,
        path: ['provisioner'],
        target: 'value',
        message:
          'provisioner: Required value: name the volume plugin or CSI driver (e.g. ebs.csi.aws.com), or kubernetes.io/no-provisioner for local volumes',
      });
      return;
    }
    const problems = checkQualifiedName(provisioner.toLowerCase());
    if (problems.length === 0) return;
    context.report({
      code: STORAGECLASS_PROVISIONER_INVALID,
      path: ['provisioner'],
      target: 'value',
      message: `provisioner: Invalid value: ${JSON.stringify(provisioner)}: ${problems.join('; ')}`,
    });
  },
};
