/** Storage: each claim → its volume (or dynamic provisioning), phase and reason. */
import type { VolumeClaimReport } from '../../../server/src/core/simulation/report';
import { el } from '../dom';
import { qualified } from '../format';
import type { ViewContext } from '../view-context';
import { badge, emptyState, mono, name, statusDot } from './parts';

function volumeCell(claim: VolumeClaimReport): HTMLElement {
  if (claim.volume === undefined) return el('span', 'muted', {}, 'no volume');
  return el(
    'span',
    'volume',
    {},
    name(claim.volume, 'mono'),
    claim.dynamic === true
      ? badge('provisioned', 'info', 'Provisioned dynamically by the StorageClass')
      : null,
  );
}

function claimRow(context: ViewContext, claim: VolumeClaimReport): HTMLElement {
  const bound = claim.phase === 'Bound';
  const users = context.report.pods
    .filter(
      (pod) =>
        pod.namespace === claim.namespace &&
        (pod.volumes ?? []).some((v) => v.claim === claim.name),
    )
    .map((pod) => pod.name);
  const row = el(
    'tr',
    'claim-row',
    {},
    el(
      'td',
      '',
      {},
      el(
        'span',
        'cell-title',
        {},
        statusDot(bound ? 'ok' : 'warning', claim.phase),
        name(claim.name),
      ),
    ),
    el('td', '', {}, badge(claim.phase, bound ? 'ok' : 'warning')),
    el('td', '', {}, mono(claim.request)),
    el(
      'td',
      '',
      {},
      claim.storageClass === undefined ? el('span', 'muted', {}, '—') : name(claim.storageClass),
    ),
    el('td', 'arrow', { 'aria-hidden': 'true' }, '→'),
    el('td', '', {}, volumeCell(claim)),
    el('td', '', {}, users.length === 0 ? el('span', 'muted', {}, '—') : name(users.join(', '))),
    el('td', 'reason', {}, claim.reason === undefined ? '' : claim.reason),
  );
  const binding = {
    key: `claim:${qualified(claim)}`,
    label: `Claim ${qualified(claim)}, ${claim.phase}, ${claim.request}${claim.volume === undefined ? '' : `, volume ${claim.volume}`}`,
    sources: claim.source === undefined ? [] : [claim.source],
  };
  if (claim.source !== undefined) context.bindObject(row, binding);
  return row;
}

/** Renders the Storage view. */
export function renderStorage(context: ViewContext): HTMLElement {
  const claims = context.report.volumeClaims;
  if (claims.length === 0) {
    return emptyState('No PersistentVolumeClaims', 'No pod of this scope claims storage.');
  }
  return el(
    'table',
    'data-table',
    { 'aria-label': 'Volume claims' },
    el(
      'thead',
      '',
      {},
      el(
        'tr',
        '',
        {},
        ...['Claim', 'Phase', 'Request', 'Class', '', 'Volume', 'Used by', 'Reason'].map((title) =>
          el('th', '', { scope: 'col' }, title),
        ),
      ),
    ),
    el('tbody', '', {}, ...claims.map((claim) => claimRow(context, claim))),
  );
}
