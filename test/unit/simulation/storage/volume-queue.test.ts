/**
 * The PV controller's indexed search (VolumeQueue, via controllerMatch)
 * against the pass over every volume it replaces: over thousands of seeded
 * binding passes — classes, access-mode sets, volume modes, capacities,
 * claimRefs, provisioned volumes, duplicate names and claims — whenever it
 * answers, it picks the very volume the scan picks.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { SimObject } from '../../../../server/src/core/simulation/model/sim-object';
import type {
  SimClaim,
  SimVolume,
} from '../../../../server/src/core/simulation/storage/claim-state';
import {
  controllerMatch,
  findMatchingVolume,
  findMatchingVolumeByScan,
} from '../../../../server/src/core/simulation/storage/match-volume';
import { provisionedVolume } from '../../../../server/src/core/simulation/storage/provision-claim';
import { seededRandom } from '../../../support/seeded-random';

const GI = 1024 ** 3;
const CLASSES = ['', 'manual', 'local'];
const MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const SIZES = [1, 2, 5, 5, 10, 20];

function pickOne<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function someModes(next: () => number): string[] {
  const modes = MODES.filter(() => next() < 0.35);
  if (next() < 0.05 && modes.length > 0) modes.push(modes[0] as string);
  return modes.length > 0 || next() < 0.1 ? modes : ['ReadWriteOnce'];
}

function claimOf(next: () => number): SimClaim {
  const size = pickOne(next, SIZES);
  return {
    name: `data-${Math.floor(next() * 30)}`,
    namespace: pickOne(next, ['team-a', 'team-b']),
    origin: 'manifest',
    object: {} as SimObject,
    specPath: ['spec'],
    sourcePath: [],
    spec: {},
    classRequest: 'named',
    className: pickOne(next, CLASSES),
    request: { text: `${size}Gi`, bytes: size * GI },
    accessModes: someModes(next),
    volumeMode: next() < 0.9 ? 'Filesystem' : 'Block',
    selector: next() < 0.05 ? { matchLabels: { tier: 'fast' } } : undefined,
  };
}

function volumeOf(next: () => number, index: number, claims: readonly SimClaim[]): SimVolume {
  const size = pickOne(next, SIZES);
  const volume: SimVolume = {
    // Some names repeat: binding is by name, as in the simulation.
    name: `pv-${next() < 0.05 ? 0 : index}`,
    className: pickOne(next, CLASSES),
    capacity: { text: `${size}Gi`, bytes: size * GI },
    accessModes: someModes(next),
    volumeMode: next() < 0.9 ? 'Filesystem' : 'Block',
    labels: next() < 0.5 ? { tier: 'fast' } : {},
    dynamic: false,
  };
  const reserved = next();
  if (reserved < 0.1 && claims.length > 0) {
    const claim = pickOne(next, claims);
    volume.claimRef = { namespace: claim.namespace, name: claim.name };
  } else if (reserved < 0.13) {
    volume.claimRef = { namespace: 'team-a', name: 'someone-else' };
  }
  return volume;
}

describe('the PV controller search by queue', () => {
  it('picks what the pass over every volume picks, in thousands of seeded binding passes', () => {
    let answered = 0;
    let searches = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const next = seededRandom(seed);
      const claims = Array.from({ length: Math.floor(next() * 40) }, () => claimOf(next));
      const volumes = Array.from({ length: Math.floor(next() * 50) }, (_, i) =>
        volumeOf(next, i, claims),
      );
      const boundTo = new Map<string, string>();
      for (const claim of claims) {
        const key = `${claim.namespace}/${claim.name}`;
        const options = { boundTo, delayBinding: next() < 0.15 };
        const expected = findMatchingVolumeByScan(claim, volumes, options);
        const queued = controllerMatch(claim, volumes, options);
        searches++;
        if (queued !== null) {
          answered++;
          assert.equal(queued, expected, `seed ${seed}, claim ${key}`);
        }
        assert.equal(findMatchingVolume(claim, volumes, options).volume, expected, `seed ${seed}`);
        if (expected) boundTo.set(expected.name, key);
        else if (next() < 0.5) {
          // Provisioned for the claim, as provisionClaim does: the list grows.
          const volume = provisionedVolume(claim);
          volumes.push(volume);
          boundTo.set(volume.name, key);
        }
      }
    }
    assert.ok(answered > searches * 0.8, `the queue answered ${answered} of ${searches} searches`);
  });
});
