import type { Rule } from '../rule';
import { annotationKeyInvalid } from './annotation-key-invalid';
import { annotationsTooLarge } from './annotations-too-large';
import { labelKeyInvalid } from './label-key-invalid';
import { nonWorkloadLabelSelectorInvalid } from './label-selector-invalid';
import { labelValueInvalid } from './label-value-invalid';
import { metadataNameInvalid } from './metadata-name-invalid';
import { metadataNameRequired } from './metadata-name-required';
import { metadataNamespaceInvalid } from './metadata-namespace-invalid';

/** The metadata rules, one file each. */
export const METADATA_RULES: readonly Rule[] = [
  metadataNameRequired,
  metadataNameInvalid,
  metadataNamespaceInvalid,
  labelKeyInvalid,
  labelValueInvalid,
  nonWorkloadLabelSelectorInvalid,
  annotationKeyInvalid,
  annotationsTooLarge,
];
