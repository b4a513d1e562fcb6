// pkg/apis/core/validation/validation.go validateContainerCommon: `image` is
// required for every container of a Pod and of a pod template (the OpenAPI
// schema leaves it optional so that controllers could fill it in), and
// validateContainerOnlyForPod: a Pod's image may not have leading or
// trailing whitespace.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { invalidMessage, requiredMessage } from './support/field-errors';
import { containersOf, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_CONTAINER_IMAGE_REQUIRED: CodeInfo = {
  code: 'pod-container-image-required',
  category: 'api-server',
  severity: 'error',
  title: 'A container has no image (or, in a Pod, an image with surrounding spaces).',
  example: 'containers:\n  - name: app\n    # no image',
};

export const podContainerImageRequired: Rule = {
  codes: [POD_CONTAINER_IMAGE_REQUIRED],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const entry of containersOf(target)) {
      const image = entry.container.image;
      const path = [...entry.path, 'image'];
      if (image === undefined || image === null || image === '') {
        const where = image === undefined || image === null ? entry.path : path;
        context.report({
          code: POD_CONTAINER_IMAGE_REQUIRED,
          path: where,
          message: requiredMessage(path, 'every container needs an image, such as nginx:1.27'),
        });
      } else if (typeof image === 'string' && target.isPod && image.trim() !== image) {
        context.report({
          code: POD_CONTAINER_IMAGE_REQUIRED,
          path,
          target: 'value',
          message: invalidMessage(path, image, 'must not have leading or trailing whitespace'),
        });
      }
    }
  },
};
