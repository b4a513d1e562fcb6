/** Where a Job spec sits: `spec` of a Job, `spec.jobTemplate.spec` of a CronJob. */
import { getAt, isJsonObject, type JsonObject, type JsonPath } from '../../../model/json';
import type { Manifest } from '../../../model/manifest';

export function jobSpecOf(manifest: Manifest): { spec: JsonObject; path: JsonPath } | undefined {
  const path: JsonPath = manifest.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
  const spec = getAt(manifest.body, path);
  return isJsonObject(spec) ? { spec, path } : undefined;
}
