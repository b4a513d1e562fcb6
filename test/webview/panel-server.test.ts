// The panel against the real language server (dist/cli.js lsp --stdio): the `slipway/simulate`
// and `slipway/route` answers fit the page and the host's checks. Every object's source is a
// file of the scope (so the host lets its reveal through), a file whose YAML breaks keeps the
// last good report on screen marked stale, and the route's path lights up in the graph.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { parsePageMessage, type PanelTarget } from '../../client/src/panel/messages';
import { chooseReport } from '../../client/src/panel/report-choice';
import type { SourceRef } from '../../server/src/core/simulation/report';
import {
  ROUTE_REQUEST,
  SIMULATE_REQUEST,
  type RouteResult,
  type SimulateResult,
} from '../../server/src/protocol/requests';
import { TestLspClient } from '../support/lsp-client';
import { launchBrowser, openPanel } from './support/panel-page';
import { ROOT } from './support/reports';

function sourcesOf(result: SimulateResult): SourceRef[] {
  const { report } = result;
  return [
    ...report.workloads.map((item) => item.source),
    ...report.pods.map((item) => item.source),
    ...report.services.map((item) => item.source),
    ...report.ingresses.map((item) => item.source),
    ...report.volumeClaims.flatMap((item) => (item.source === undefined ? [] : [item.source])),
    ...report.configMaps.flatMap((item) => (item.source === undefined ? [] : [item.source])),
    ...report.diagnostics.map((item) => ({ uri: item.uri, range: item.range })),
  ];
}

describe('the panel with the real language server', () => {
  const temp = mkdtempSync(join(tmpdir(), 'slipway-panel-'));
  const root = join(temp, 'web-shop');
  cpSync(join(ROOT, 'examples', 'web-shop'), root, { recursive: true });
  const api = pathToFileURL(join(root, 'shop-api.yaml')).href;
  const target: PanelTarget = { uri: api, scope: 'scope' };
  const client = new TestLspClient();
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    await client.initialize(root);
  });
  after(async () => {
    await client.stop();
    await browser.close();
    rmSync(temp, { recursive: true, force: true });
  });

  async function simulate(): Promise<SimulateResult> {
    const result = await client.connection.sendRequest<SimulateResult | null>(SIMULATE_REQUEST, {
      uri: api,
      scope: 'scope',
    });
    assert.ok(result !== null, 'the server simulates the file');
    return result;
  }

  it('names only files of the scope as sources, so every reveal passes the host', async () => {
    const result = await simulate();
    assert.ok(result.scope.files.includes(api));
    const scopeFiles = new Set(result.scope.files);
    const sources = sourcesOf(result);
    assert.ok(sources.length > 5);
    for (const source of sources) {
      const parsed = parsePageMessage({ type: 'reveal', ...source }, { scopeFiles });
      assert.ok(parsed.ok, `reveal of ${source.uri}: ${parsed.ok ? '' : parsed.error}`);
    }
  });

  it('keeps the last good report, stale, while a file does not parse, then shows the new one', async () => {
    const text = readFileSync(join(root, 'shop-api.yaml'), 'utf8');
    await client.open(api, text);
    const good = chooseReport(undefined, target, await simulate());
    assert.equal(good.message.stale, false);
    const pods = good.message.result.report.pods.length;
    assert.ok(pods > 0);

    await client.change(
      api,
      2,
      text.replace('kind: Deployment', 'kind: Deployment\n  broken: [\n'),
    );
    const broken = await simulate();
    assert.ok(broken.parseProblems.length > 0, 'the server reports the parse problem');
    const stale = chooseReport(good.good, target, broken);
    assert.equal(stale.message.stale, true);
    assert.equal(stale.message.result.report.pods.length, pods, 'the last good report stays');
    assert.deepEqual(stale.message.result.parseProblems, broken.parseProblems);

    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      await panel.send(good.message);
      assert.equal(await panel.page.textContent('.scope-label'), good.message.result.scope.label);
      assert.equal(await panel.page.locator('.pod-card').count(), pods);
      await panel.send(stale.message);
      assert.equal(await panel.page.locator('.pod-card').count(), pods);
      const banner = (await panel.page.textContent('.banners')) ?? '';
      assert.ok(banner.includes(broken.parseProblems[0]?.message ?? '?'), banner);
      await panel.screenshot('server-stale');

      await client.change(api, 3, text.replace('replicas: 2', 'replicas: 4'));
      const fixed = chooseReport(stale.good, target, await simulate());
      assert.equal(fixed.message.stale, false);
      await panel.send(fixed.message);
      assert.equal(await panel.page.locator('.banners .banner').count(), 0);
      assert.equal(
        await panel.page.locator('.pod-card').count(),
        fixed.message.result.report.pods.length,
      );
      assert.equal(
        fixed.message.result.report.pods.filter((pod) => pod.owner === 'Deployment/shop-api')
          .length,
        4,
      );

      // The route the server gives lights up its path.
      await panel.page.click('#tab-trace');
      const route = await client.connection.sendRequest<RouteResult | null>(ROUTE_REQUEST, {
        uri: api,
        url: 'http://shop.example.com/api/orders',
        scope: 'scope',
      });
      assert.ok(route !== null);
      assert.equal(route.service, 'default/shop-api');
      await panel.send({ type: 'routeResult', result: route });
      const lit = await panel.page.evaluate<string[]>(
        `[...document.querySelectorAll('#panel-trace .gnode.on-path')].map((e) => e.getAttribute('data-node'))`,
      );
      assert.deepEqual(
        [...lit].sort(),
        [
          'ingress:default/shop',
          'service:default/shop-api',
          ...route.pods.map((pod) => `pod:default/${pod.name}`),
        ].sort(),
      );
      await panel.screenshot('server-trace');
      assert.deepEqual(panel.pageErrors, []);
      assert.deepEqual(await panel.violations(), []);
    } finally {
      await panel.close();
    }
  });
});
