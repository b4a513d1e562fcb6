import { strict as assert } from 'node:assert';
import { defaultCluster } from '../../../../server/src/core/simulation/cluster/default-cluster';
import type { SimObject } from '../../../../server/src/core/simulation/model/sim-object';
import type { SimPod } from '../../../../server/src/core/simulation/model/sim-pod';
import type {
  Cluster,
  ReportDiagnostic,
  VolumeClaimReport,
} from '../../../../server/src/core/simulation/report';
import { bindClaims } from '../../../../server/src/core/simulation/storage/bind-claims';
import type { ClaimState } from '../../../../server/src/core/simulation/storage/claim-state';
import {
  claimDiagnostics,
  claimReports,
} from '../../../../server/src/core/simulation/storage/claim-reports';
import type { Range } from '../../../../server/src/core/text/range';
import { simObjects } from './fixtures';

export interface StorageRun {
  objects: SimObject[];
  pods: SimPod[];
  before: ClaimState;
  after: ClaimState;
  reports: VolumeClaimReport[];
  diagnostics: ReportDiagnostic[];
  claim(name: string, namespace?: string): VolumeClaimReport;
}

/** Runs both binding passes over YAML text, with pods made from its objects. */
export function simulateStorage(
  text: string,
  makePods: (objects: SimObject[]) => SimPod[] = () => [],
  cluster: Cluster = defaultCluster(),
): StorageRun {
  const objects = simObjects(text);
  return simulateObjects(objects, makePods(objects), cluster);
}

export function simulateObjects(
  objects: SimObject[],
  pods: SimPod[],
  cluster: Cluster = defaultCluster(),
): StorageRun {
  const before = bindClaims(objects, pods, cluster, 'before-scheduling');
  const after = bindClaims(objects, pods, cluster, 'after-scheduling', before);
  const reports = claimReports(after);
  return {
    objects,
    pods,
    before,
    after,
    reports,
    diagnostics: claimDiagnostics(after),
    claim(name, namespace = 'default') {
      const found = reports.find(
        (report) => report.name === name && report.namespace === namespace,
      );
      assert.ok(found, `no claim ${namespace}/${name}`);
      return found;
    },
  };
}

/**
 * The range of the `occurrence`-th (0-based) appearance of `needle` in the
 * text, as an LSP range: the way a test names the value a finding points at.
 */
export function rangeOfText(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" #${occurrence} not in the text`);
  }
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line]?.length ?? 0;
  return {
    start: { line, character },
    end: { line, character: character + needle.length },
  };
}
