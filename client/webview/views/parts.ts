/** Building blocks the views share: chips, badges, sections, empty states. Text only. */
import { el, type Child } from '../dom';

/** A small rounded label (a port, a label, a key). */
export function chip(text: string, className = '', title?: string): HTMLElement {
  return el('span', `chip ${className}`.trim(), { title: title ?? text }, text);
}

/** A badge next to a title (a type, a phase, a count). */
export function badge(
  text: string,
  tone: 'neutral' | 'ok' | 'warning' | 'error' | 'info' = 'neutral',
  title?: string,
): HTMLElement {
  return el('span', `badge tone-${tone}`, { title }, text);
}

/** A coloured dot for a status, with the status as its accessible name. */
export function statusDot(
  tone: 'ok' | 'warning' | 'error' | 'neutral',
  label: string,
): HTMLElement {
  return el('span', `status-dot tone-${tone}`, { role: 'img', 'aria-label': label, title: label });
}

/** A titled section of a view. */
export function section(
  title: string,
  count: number | undefined,
  ...children: Child[]
): HTMLElement {
  return el(
    'section',
    'view-section',
    { 'aria-label': title },
    el(
      'h2',
      'section-title',
      {},
      title,
      count === undefined ? null : el('span', 'section-count', {}, String(count)),
    ),
    ...children,
  );
}

/** What a view shows when the report has nothing for it. */
export function emptyState(title: string, hint: string): HTMLElement {
  return el(
    'div',
    'empty-state',
    { role: 'note' },
    el('p', 'empty-title', {}, title),
    el('p', 'empty-hint', {}, hint),
  );
}

/** A label: value line. */
export function field(label: string, ...value: Child[]): HTMLElement {
  return el(
    'div',
    'field',
    {},
    el('span', 'field-label', {}, label),
    el('span', 'field-value', {}, ...value),
  );
}

/** Text that may be very long: one line, cut with an ellipsis, the whole text as its tooltip. */
export function name(text: string, className = ''): HTMLElement {
  return el('span', `name ${className}`.trim(), { title: text }, text);
}

/** Monospace text (IPs, ports, images). */
export function mono(text: string, className = ''): HTMLElement {
  return el('span', `mono ${className}`.trim(), { title: text }, text);
}
