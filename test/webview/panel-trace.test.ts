// "Trace a request" and the graph in headless Chromium: the URL box posts `trace`, the host's
// answer (the real `slipway route --json` output) lights up the path through Ingress, Service and
// pods; the graph zooms with its buttons and the wheel and remembers its zoom.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { ShowReportMessage } from '../../client/src/panel/messages';
import { nodeId } from '../../client/webview/graph/graph-model';
import { launchBrowser, openPanel, waitForExpression, type PanelPage } from './support/panel-page';
import { routeResult, simulateReport, simulateResult } from './support/reports';
import type { ThemeName } from './support/themes';

const PATHS = ['examples'];
const report = simulateReport(PATHS, 'examples');
const result = simulateResult(report, PATHS, 'examples');
const SHOW: ShowReportMessage = {
  type: 'showReport',
  target: { uri: result.scope.files[0] ?? '', scope: 'scope' },
  result,
  stale: false,
};

async function onPath(panel: PanelPage, what: 'node' | 'edge'): Promise<string[]> {
  const ids = await panel.page.evaluate<string[]>(
    `[...document.querySelectorAll('#panel-trace .g${what}.on-path')].map((e) => e.getAttribute('data-${what}'))`,
  );
  return ids.sort();
}

async function openTrace(panel: PanelPage): Promise<void> {
  await panel.page.click('#tab-trace');
  await panel.page.waitForSelector('#panel-trace:not([hidden]) #trace-url');
}

describe('tracing a request in the panel', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  for (const theme of ['dark-modern', 'light-modern'] satisfies ThemeName[]) {
    it(`highlights the Ingress → Service → pods path of http://shop.example.com/cart (${theme})`, async () => {
      const panel = await openPanel(browser, { theme });
      try {
        await panel.send(SHOW);
        await openTrace(panel);
        const { page } = panel;
        const before = (await panel.posted()).length;
        // Typed without a scheme: the page adds http://.
        await page.fill('#trace-url', 'shop.example.com/cart');
        await page.press('#trace-url', 'Enter');
        assert.deepEqual(await panel.waitForPosted('trace', before), {
          type: 'trace',
          url: 'http://shop.example.com/cart',
        });

        const route = routeResult('http://shop.example.com/cart', PATHS);
        assert.equal(route.via, 'ingress');
        await panel.send({ type: 'routeResult', result: route });
        const ingress = nodeId.ingress('default', 'shop');
        const service = nodeId.service('default', 'shop-frontend');
        const pods = route.pods.map((pod) => nodeId.pod('default', pod.name));
        assert.equal(pods.length, 3);
        assert.deepEqual(await onPath(panel, 'node'), [ingress, service, ...pods].sort());
        assert.deepEqual(
          await onPath(panel, 'edge'),
          [`${ingress}->${service}`, ...pods.map((pod) => `${service}->${pod}`)].sort(),
        );
        assert.equal(await page.locator('#panel-trace .graph-canvas.has-path').count(), 1);
        const card = (await page.textContent('.route-card')) ?? '';
        assert.ok(card.includes(route.reason), 'the reason is shown');
        assert.ok(card.includes('default/shop') && card.includes('default/shop-frontend'));
        for (const pod of route.pods) assert.ok(card.includes(`${pod.ip}:${pod.port}`), pod.name);
        await waitForExpression(
          page,
          `document.querySelector('#panel-trace .zoom-label').textContent !== '100%'`,
        );
        await panel.screenshot(`${theme}-trace-ingress`);

        // A hop of the path reveals its object.
        const shop = report.ingresses.find((candidate) => candidate.name === 'shop');
        await page.click('.hop[data-key="ingress:default/shop"]');
        const posted = await panel.posted();
        assert.deepEqual(posted.at(-1), {
          type: 'reveal',
          uri: shop?.source.uri,
          range: shop?.source.range,
        });
        assert.deepEqual(panel.dialogs, []);
        assert.deepEqual(await panel.violations(), []);
      } finally {
        await panel.close();
      }
    });
  }

  it('highlights the Service and pods of a nodePort, without an Ingress', async () => {
    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      await panel.send(SHOW);
      await openTrace(panel);
      const { page } = panel;
      const before = (await panel.posted()).length;
      // The suggestions offer the NodePort on the first node.
      await page
        .locator('.suggestions')
        .getByRole('button', { name: 'http://172.18.0.2:30000/' })
        .click();
      assert.deepEqual(await panel.waitForPosted('trace', before), {
        type: 'trace',
        url: 'http://172.18.0.2:30000/',
      });
      const route = routeResult('http://172.18.0.2:30000/', PATHS);
      assert.equal(route.via, 'nodePort');
      await panel.send({ type: 'routeResult', result: route });
      const service = nodeId.service('default', 'np-svc');
      assert.deepEqual(
        await onPath(panel, 'node'),
        [service, ...route.pods.map((pod) => nodeId.pod('default', pod.name))].sort(),
      );
      assert.ok(((await page.textContent('.route-card')) ?? '').includes(route.reason));
      await panel.screenshot('dark-modern-trace-nodeport');
    } finally {
      await panel.close();
    }
  });

  it('says why a request reaches nothing, and shows a failed trace', async () => {
    const panel = await openPanel(browser, { theme: 'light-modern' });
    try {
      await panel.send(SHOW);
      await openTrace(panel);
      const { page } = panel;
      const route = routeResult('http://172.18.0.3:31999/', PATHS);
      await panel.send({ type: 'routeResult', result: route });
      assert.deepEqual(await onPath(panel, 'node'), []);
      assert.equal(await page.locator('#panel-trace .graph-canvas.has-path').count(), 0);
      const card = (await page.textContent('.route-card')) ?? '';
      assert.ok(card.includes(route.reason) && card.includes('no pod'));
      await panel.screenshot('light-modern-trace-nowhere');
      await panel.send({
        type: 'routeError',
        url: 'http://x/',
        message: 'The Slipway language server is not running.',
      });
      assert.ok(
        ((await page.textContent('#panel-trace [role=alert]')) ?? '').includes('not running'),
      );
    } finally {
      await panel.close();
    }
  });

  it('zooms the graph with its buttons and the wheel, and keeps the zoom', async () => {
    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      await panel.send(SHOW);
      const { page } = panel;
      await page.click('#tab-graph');
      const zoom = async (): Promise<number> =>
        Number.parseInt((await page.textContent('#panel-graph .zoom-label')) ?? '', 10);
      await waitForExpression(
        page,
        `document.querySelector('#panel-graph .zoom-label').textContent !== '100%'`,
      );
      const fitted = await zoom();
      await page.click('#panel-graph [aria-label="Zoom in"]');
      const zoomedIn = await zoom();
      assert.ok(zoomedIn > fitted, `${zoomedIn} > ${fitted}`);
      const box = await page.locator('#panel-graph .graph-canvas').boundingBox();
      assert.ok(box !== null);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 400);
      await waitForExpression(
        page,
        `parseInt(document.querySelector('#panel-graph .zoom-label').textContent, 10) < ${zoomedIn}`,
      );
      await page.focus('#panel-graph .graph-canvas');
      await page.keyboard.press('+');
      await page.click('#panel-graph [aria-label="Actual size"]');
      assert.equal(await zoom(), 100);
      await waitForExpression(
        page,
        `window.__slipwayTest.state.graphViews.graph && window.__slipwayTest.state.graphViews.graph.k === 1`,
      );
      // Shown again: the same zoom.
      const saved = await panel.savedState();
      await panel.close();
      const again = await openPanel(browser, { theme: 'dark-modern', savedState: saved });
      try {
        assert.equal(await again.page.getAttribute('#tab-graph', 'aria-selected'), 'true');
        assert.equal(await again.page.textContent('#panel-graph .zoom-label'), '100%');
        // A node of the graph reveals its object, from the keyboard too.
        const node = again.page.locator(
          '#panel-graph .gnode[data-node="service:default/shop-api"]',
        );
        await node.focus();
        const before = (await again.posted()).length;
        await again.page.keyboard.press('Enter');
        const service = report.services.find((candidate) => candidate.name === 'shop-api');
        assert.deepEqual(await again.waitForPosted('reveal', before), {
          type: 'reveal',
          uri: service?.source.uri,
          range: service?.source.range,
        });
      } finally {
        await again.close();
      }
    } finally {
      await panel.close().catch(() => undefined);
    }
  });
});
