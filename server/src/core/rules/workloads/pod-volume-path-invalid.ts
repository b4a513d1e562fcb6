// pkg/apis/core/validation/validation.go validateKeyToPath and
// validateDownwardAPIVolumeFile (item paths: ValidateLocalNonReservedPath —
// relative, no '..' element, not starting with '..'), validateProjectionSources
// (the same for projected items and serviceAccountToken.path),
// validateGitRepoVolumeSource (directory: validateLocalDescendingPath),
// validateHostPathVolumeSource (no '..' element) and validateNFSVolumeSource
// (an absolute path).
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import {
  checkLocalDescendingPath,
  checkLocalNonReservedPath,
  checkPathNoBacksteps,
} from '../../validation/workload-validators';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_VOLUME_PATH_INVALID: CodeInfo = {
  code: 'pod-volume-path-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A volume item path is absolute or uses '..', or a hostPath/nfs path is malformed.",
  example: 'configMap:\n  name: app\n  items:\n    - key: config\n      path: /etc/app.conf',
};

export const podVolumePathInvalid: Rule = {
  codes: [POD_VOLUME_PATH_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const check = (
      parent: JsonObject,
      parentPath: JsonPath,
      key: string,
      problemsOf: (value: string) => string[],
    ): void => {
      const value = parent[key];
      if (typeof value !== 'string' || value.length === 0) return;
      const problems = problemsOf(value);
      if (problems.length === 0) return;
      const path = [...parentPath, key];
      context.report({
        code: POD_VOLUME_PATH_INVALID,
        path,
        target: 'value',
        message: invalidMessage(path, value, problems.join('; ')),
      });
    };
    const checkItems = (parent: JsonObject, parentPath: JsonPath): void => {
      for (const item of objectItems(parent, parentPath, 'items'))
        check(item.item, item.path, 'path', checkLocalNonReservedPath);
    };
    for (const volume of objectItems(target.spec, target.path, 'volumes')) {
      const at = (key: string): { source: JsonObject; path: JsonPath } | undefined => {
        const source = volume.item[key];
        return isJsonObject(source) ? { source, path: [...volume.path, key] } : undefined;
      };
      for (const key of ['configMap', 'secret', 'downwardAPI']) {
        const found = at(key);
        if (found) checkItems(found.source, found.path);
      }
      const projected = at('projected');
      if (projected) {
        for (const projection of objectItems(projected.source, projected.path, 'sources')) {
          for (const inner of ['configMap', 'secret', 'downwardAPI']) {
            const innerSource = projection.item[inner];
            if (isJsonObject(innerSource)) checkItems(innerSource, [...projection.path, inner]);
          }
          for (const inner of ['serviceAccountToken', 'clusterTrustBundle']) {
            const innerSource = projection.item[inner];
            if (isJsonObject(innerSource))
              check(innerSource, [...projection.path, inner], 'path', checkLocalNonReservedPath);
          }
        }
      }
      const gitRepo = at('gitRepo');
      if (gitRepo) check(gitRepo.source, gitRepo.path, 'directory', checkLocalDescendingPath);
      const hostPath = at('hostPath');
      if (hostPath) check(hostPath.source, hostPath.path, 'path', checkPathNoBacksteps);
      const nfs = at('nfs');
      if (nfs)
        check(nfs.source, nfs.path, 'path', (value) =>
          value.startsWith('/') ? [] : ['must be an absolute path'],
        );
    }
  },
};
