// The host ↔ page contract (client/src/panel/messages.ts): the host accepts from the page only
// the messages defined there, with exactly their fields, and a `reveal` only for a scope file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_TRACE_URL_LENGTH,
  PANEL_STATE_VERSION,
  parseHostMessage,
  parsePageMessage,
  readPersistedTarget,
} from '../../client/src/panel/messages';

const SHOP = 'file:///work/shop/shop-api.yaml';
const CONTEXT = { scopeFiles: new Set([SHOP, 'file:///work/shop/shop-ingress.yaml']) };
const RANGE = { start: { line: 2, character: 0 }, end: { line: 40, character: 0 } };

function accepted(value: unknown): unknown {
  const parsed = parsePageMessage(value, CONTEXT);
  assert.ok(
    parsed.ok,
    `expected to accept ${JSON.stringify(value)}: ${parsed.ok ? '' : parsed.error}`,
  );
  return parsed.value;
}

function refused(value: unknown, why: RegExp): void {
  const parsed = parsePageMessage(value, CONTEXT);
  assert.ok(!parsed.ok, `expected to refuse ${JSON.stringify(value)}`);
  assert.match(parsed.error, why);
}

describe('parsePageMessage', () => {
  it('accepts every page message with its fields', () => {
    assert.deepEqual(accepted({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(accepted({ type: 'refresh' }), { type: 'refresh' });
    assert.deepEqual(accepted({ type: 'reveal', uri: SHOP, range: RANGE }), {
      type: 'reveal',
      uri: SHOP,
      range: RANGE,
    });
    assert.deepEqual(accepted({ type: 'trace', url: 'http://shop.example.com/cart' }), {
      type: 'trace',
      url: 'http://shop.example.com/cart',
    });
    assert.deepEqual(accepted({ type: 'switchScope', scope: 'file' }), {
      type: 'switchScope',
      scope: 'file',
    });
  });

  it('refuses what is not a message', () => {
    for (const value of [
      undefined,
      null,
      42,
      'ready',
      [],
      [{ type: 'ready' }],
      { kind: 'ready' },
      { type: 7 },
    ]) {
      refused(value, /not a message/);
    }
  });

  it('refuses unknown types', () => {
    refused(
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      /unknown message type/,
    );
    refused({ type: 'showReport' }, /unknown message type/);
    refused({ type: '__proto__' }, /unknown message type/);
  });

  it('refuses unknown fields', () => {
    refused({ type: 'ready', extra: 1 }, /unknown fields/);
    refused({ type: 'reveal', uri: SHOP, range: RANGE, command: 'x' }, /unknown fields/);
    refused({ type: 'trace', url: 'http://a/', scope: 'file' }, /unknown fields/);
  });

  it('refuses bad shapes', () => {
    refused({ type: 'reveal', uri: 7, range: RANGE }, /uri/);
    refused({ type: 'reveal', uri: SHOP }, /range/);
    refused(
      { type: 'reveal', uri: SHOP, range: { start: { line: 1 }, end: { line: 2 } } },
      /range/,
    );
    refused(
      { type: 'reveal', uri: SHOP, range: { start: { line: -1, character: 0 }, end: RANGE.end } },
      /range/,
    );
    refused(
      { type: 'reveal', uri: SHOP, range: { start: { line: 1.5, character: 0 }, end: RANGE.end } },
      /range/,
    );
    refused({ type: 'reveal', uri: SHOP, range: { start: RANGE.end, end: RANGE.start } }, /range/);
    refused({ type: 'trace', url: '' }, /url/);
    refused({ type: 'trace', url: 42 }, /url/);
    refused({ type: 'trace', url: `http://a/${'x'.repeat(MAX_TRACE_URL_LENGTH)}` }, /too long/);
    refused({ type: 'switchScope', scope: 'workspace' }, /scope/);
  });

  it('refuses a reveal of a file outside the scope', () => {
    refused({ type: 'reveal', uri: 'file:///etc/passwd', range: RANGE }, /not a file of the scope/);
    refused(
      { type: 'reveal', uri: 'file:///work/shop/other.yaml', range: RANGE },
      /not a file of the scope/,
    );
    refused(
      { type: 'reveal', uri: 'command:workbench.action.openSettings', range: RANGE },
      /not a file of the scope/,
    );
    const parsed = parsePageMessage(
      { type: 'reveal', uri: SHOP, range: RANGE },
      { scopeFiles: new Set() },
    );
    assert.ok(!parsed.ok, 'nothing is revealed before a report names the scope');
  });
});

describe('parseHostMessage', () => {
  const result = {
    scope: { id: 'file:///work/shop', kind: 'folder', label: 'shop', files: [SHOP] },
    report: { pods: [], diagnostics: [] },
    parseProblems: [],
    snapshot: 1,
  };

  it('accepts the host messages', () => {
    const target = { uri: SHOP, scope: 'scope' };
    for (const message of [
      { type: 'showReport', target, result, stale: false },
      { type: 'showStatus', target: null, state: 'loading', message: 'Simulating…' },
      { type: 'highlight', cursor: { uri: SHOP, line: 3 } },
      { type: 'highlight', cursor: null },
      { type: 'routeResult', result: { url: 'http://a/', reason: 'no', pods: [] } },
      { type: 'routeError', url: 'http://a/', message: 'down' },
    ]) {
      const parsed = parseHostMessage(message);
      assert.ok(parsed.ok, JSON.stringify(message));
    }
  });

  it('refuses anything else', () => {
    for (const message of [
      null,
      { type: 'reveal', uri: SHOP, range: RANGE },
      { type: 'showReport', target: { uri: SHOP, scope: 'scope' }, result: {}, stale: false },
      { type: 'showStatus', target: null, state: 'exploded', message: '' },
      { type: 'highlight', cursor: { uri: SHOP, line: -1 } },
      { type: 'routeResult', result: null },
    ]) {
      assert.ok(!parseHostMessage(message).ok, JSON.stringify(message));
    }
  });
});

describe('readPersistedTarget', () => {
  it('reads the target of a saved page state', () => {
    const state = {
      version: PANEL_STATE_VERSION,
      target: { uri: SHOP, scope: 'file' },
      tab: 'graph',
    };
    assert.deepEqual(readPersistedTarget(state), { uri: SHOP, scope: 'file' });
  });

  it('ignores other versions and malformed states', () => {
    for (const state of [
      undefined,
      null,
      'state',
      { version: 99, target: { uri: SHOP, scope: 'scope' } },
      { version: PANEL_STATE_VERSION, target: null },
      { version: PANEL_STATE_VERSION, target: { uri: SHOP, scope: 'everything' } },
      { version: PANEL_STATE_VERSION, target: { uri: '', scope: 'scope' } },
      { version: PANEL_STATE_VERSION, target: { uri: SHOP, scope: 'scope', command: 'x' } },
    ]) {
      assert.equal(readPersistedTarget(state), undefined, JSON.stringify(state));
    }
  });
});
