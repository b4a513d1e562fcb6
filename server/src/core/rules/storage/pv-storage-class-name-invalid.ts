// pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec: a non-empty
// storageClassName must pass ValidateClassName (DNS-1123 subdomain); a
// volumeAttributesClassName must be non-empty, a valid class name, and needs a csi source.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import type { Rule } from '../rule';
import { classNameProblem } from './class-name';

const PV_STORAGE_CLASS_NAME_INVALID: CodeInfo = {
  code: 'pv-storage-class-name-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A PersistentVolume's storageClassName is not a DNS-1123 subdomain.",
  example: 'storageClassName: Local_SSD',
};

const PV_VOLUME_ATTRIBUTES_CLASS_INVALID: CodeInfo = {
  code: 'pv-volume-attributes-class-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A PersistentVolume's volumeAttributesClassName is empty or invalid, or set without a csi source.",
  example: 'volumeAttributesClassName: ""',
};

export const pvStorageClassNameInvalid: Rule = {
  codes: [PV_STORAGE_CLASS_NAME_INVALID, PV_VOLUME_ATTRIBUTES_CLASS_INVALID],
  kinds: ['/PersistentVolume'],
  check(context) {
    const { manifest } = context;
    const classPath = ['spec', 'storageClassName'];
    const className = getAt(manifest.body, classPath);
    if (typeof className === 'string' && className !== '') {
      const message = classNameProblem(className, classPath);
      if (message)
        context.report({
          code: PV_STORAGE_CLASS_NAME_INVALID,
          path: classPath,
          target: 'value',
          message,
        });
    }
    const attributesPath = ['spec', 'volumeAttributesClassName'];
    const attributes = getAt(manifest.body, attributesPath);
    if (typeof attributes !== 'string') return;
    if (attributes === '') {
      context.report({
        code: PV_VOLUME_ATTRIBUTES_CLASS_INVALID,
        path: attributesPath,
        target: 'value',
        message:
          'spec.volumeAttributesClassName: Required value: an empty string is disallowed; remove the field or name a VolumeAttributesClass',
      });
    } else {
      const message = classNameProblem(attributes, attributesPath);
      if (message)
        context.report({
          code: PV_VOLUME_ATTRIBUTES_CLASS_INVALID,
          path: attributesPath,
          target: 'value',
          message,
        });
    }
    const csi = getAt(manifest.body, ['spec', 'csi']);
    if (csi === undefined || csi === null) {
      context.report({
        code: PV_VOLUME_ATTRIBUTES_CLASS_INVALID,
        path: attributesPath,
        message:
          'spec.csi: Required value: has to be specified when using volumeAttributesClassName (only CSI volumes support volume attributes classes)',
      });
    }
  },
};
