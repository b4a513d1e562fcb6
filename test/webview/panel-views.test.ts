// The simulation panel page in headless Chromium, loaded from the production HTML with the built
// dist/webview.js, fed the real report of `slipway simulate --json examples/`: every view, the
// reveal messages, the cursor highlight, stale reports, and state kept across hide and reload.
// Screenshots of every view in both themes go to test/artifacts/webview/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { PageToHostMessage, ShowReportMessage } from '../../client/src/panel/messages';
import type { TabId } from '../../client/webview/page-state';
import { launchBrowser, openPanel, waitForExpression, type PanelPage } from './support/panel-page';
import { simulateReport, simulateResult } from './support/reports';
import type { ThemeName } from './support/themes';

const PATHS = ['examples'];
const report = simulateReport(PATHS, 'examples');
const result = simulateResult(report, PATHS, 'examples');
const shopApi = report.workloads.find((workload) => workload.name === 'shop-api');
assert.ok(shopApi !== undefined, 'the examples have the shop-api Deployment');
const SHOW: ShowReportMessage = {
  type: 'showReport',
  target: { uri: shopApi.source.uri, scope: 'scope' },
  result,
  stale: false,
};

function key(value: string): string {
  return `[data-key=${JSON.stringify(value)}]`;
}

async function openTab(panel: PanelPage, tab: TabId): Promise<void> {
  await panel.page.click(`#tab-${tab}`);
  await panel.page.waitForSelector(`#panel-${tab}:not([hidden])`);
}

/** The data-key of the elements that match `selector`. */
async function keysOf(panel: PanelPage, selector: string): Promise<string[]> {
  return panel.page.evaluate<string[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getAttribute('data-key'))`,
  );
}

async function lastPosted(panel: PanelPage): Promise<PageToHostMessage | undefined> {
  const posted = await panel.posted();
  return posted.at(-1);
}

async function assertClean(panel: PanelPage): Promise<void> {
  assert.deepEqual(panel.pageErrors, [], 'no script error');
  assert.deepEqual(panel.dialogs, [], 'no dialog');
  assert.deepEqual(panel.foreignRequests, [], 'no request leaves the page');
  assert.deepEqual(await panel.violations(), [], 'no CSP violation');
}

describe('the simulation panel page', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  for (const theme of ['dark-modern', 'light-modern'] satisfies ThemeName[]) {
    it(`shows nodes, pods, Services, routes, claims and problems (${theme})`, async () => {
      const panel = await openPanel(browser, { theme });
      try {
        await panel.send(SHOW);
        const { page } = panel;
        assert.equal(await page.textContent('.scope-label'), 'examples');
        assert.equal(await page.getAttribute('#tab-nodes', 'aria-selected'), 'true');

        // Nodes: a lane per node with its taints, a card per pod, in the lane of its node.
        for (const node of report.cluster.nodes) {
          const lane = page.locator(`.lane[aria-label=${JSON.stringify(`Node ${node.name}`)}]`);
          assert.equal(await lane.count(), 1, node.name);
          assert.match(
            (await lane.locator('.node-header').textContent()) ?? '',
            new RegExp(node.ip.replace(/\./g, '\\.')),
          );
          for (const taint of node.taints) {
            assert.ok(
              (await lane.locator('.chip-taint').allTextContents()).join(' ').includes(taint.key),
            );
          }
          const pods = report.pods.filter((pod) => pod.node === node.name);
          assert.equal(
            await lane.locator('.pod-card').count(),
            pods.length,
            `pods on ${node.name}`,
          );
        }
        assert.equal(await page.locator('.pod-card').count(), report.pods.length);
        for (const pod of report.pods) {
          const card = page.locator(key(`pod:${pod.namespace}/${pod.name}`));
          assert.equal(await card.count(), 1, pod.name);
          const text = (await card.textContent()) ?? '';
          assert.ok(
            text.includes(pod.name) && text.includes(pod.ip ?? 'no IP') && text.includes(pod.owner),
            pod.name,
          );
        }
        await panel.screenshot(`${theme}-nodes`);

        await openTab(panel, 'services');
        for (const service of report.services) {
          const card = page.locator(key(`service:${service.namespace}/${service.name}`));
          const text = (await card.textContent()) ?? '';
          assert.ok(text.includes(service.type), service.name);
          assert.ok(
            text.includes(
              service.clusterIP === 'None' ? 'None (headless)' : (service.clusterIP ?? ''),
            ),
            service.name,
          );
          for (const endpoint of service.ports.flatMap((port) => port.endpoints)) {
            assert.ok(
              text.includes(`${endpoint.ip}:${endpoint.port}`),
              `${service.name} → ${endpoint.ip}`,
            );
          }
          for (const address of service.externalAccess ?? [])
            assert.ok(text.includes(`http://${address}/`));
        }
        await panel.screenshot(`${theme}-services`);

        await openTab(panel, 'ingress');
        const rules = report.ingresses.flatMap((ingress) => ingress.rules);
        assert.equal(await page.locator('.rule-row').count(), rules.length);
        const ingressText = (await page.textContent('#panel-ingress')) ?? '';
        for (const rule of rules) {
          assert.ok(ingressText.includes(`${rule.service}:${rule.port}`));
          assert.ok(ingressText.includes(`${rule.endpoints.length} endpoint`));
        }
        await panel.screenshot(`${theme}-ingress`);

        await openTab(panel, 'storage');
        assert.equal(await page.locator('.claim-row').count(), report.volumeClaims.length);
        for (const claim of report.volumeClaims) {
          assert.ok(
            (
              (await page.locator(key(`claim:${claim.namespace}/${claim.name}`)).textContent()) ??
              ''
            ).includes(claim.volume ?? ''),
          );
        }
        await panel.screenshot(`${theme}-storage`);

        await openTab(panel, 'config');
        assert.equal(
          await page.locator('.config-card').count(),
          report.configMaps.length + report.secrets.length,
        );
        await panel.screenshot(`${theme}-config`);

        await openTab(panel, 'graph');
        const nodes = await page.locator('#panel-graph .gnode').count();
        assert.ok(
          nodes >= report.pods.length + report.services.length + report.ingresses.length,
          `${nodes} graph nodes`,
        );
        assert.ok((await page.locator('#panel-graph .gedge').count()) > 0);
        await waitForExpression(
          page,
          `document.querySelector('#panel-graph .zoom-label').textContent !== '100%'`,
        );
        await panel.screenshot(`${theme}-graph`);

        await openTab(panel, 'lifecycle');
        assert.ok((await page.locator('.timeline .step').count()) >= 7);
        await panel.screenshot(`${theme}-lifecycle`);

        await openTab(panel, 'trace');
        assert.equal(await page.locator('#trace-url').count(), 1);
        await panel.screenshot(`${theme}-trace-empty`);

        await openTab(panel, 'problems');
        assert.equal(await page.locator('.problem').count(), report.diagnostics.length);
        assert.equal(
          await page.textContent('#tab-problems .tab-count'),
          String(report.diagnostics.length),
        );
        await panel.screenshot(`${theme}-problems`);
        await assertClean(panel);
      } finally {
        await panel.close();
      }
    });
  }

  it('is readable in a high-contrast theme', async () => {
    const panel = await openPanel(browser, { theme: 'dark-high-contrast' });
    try {
      await panel.send(SHOW);
      await panel.send({ type: 'highlight', cursor: { uri: shopApi.source.uri, line: 20 } });
      assert.equal(await panel.page.locator('body.vscode-high-contrast').count(), 1);
      await panel.screenshot('dark-high-contrast-nodes');
      for (const tab of ['services', 'graph', 'problems'] as const) {
        await openTab(panel, tab);
        await panel.screenshot(`dark-high-contrast-${tab}`);
      }
      await assertClean(panel);
    } finally {
      await panel.close();
    }
  });

  it('posts reveal with the source of the pod card, Service, Ingress rule, claim and problem clicked', async () => {
    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      await panel.send(SHOW);
      const { page } = panel;
      const pod = report.pods.find((candidate) => candidate.name.startsWith('shop-api-'));
      assert.ok(pod !== undefined);
      await page.click(key(`pod:${pod.namespace}/${pod.name}`));
      assert.deepEqual(await lastPosted(panel), {
        type: 'reveal',
        uri: pod.source.uri,
        range: pod.source.range,
      });
      assert.equal(
        await page.getAttribute(key(`pod:${pod.namespace}/${pod.name}`), 'aria-current'),
        'true',
      );

      await openTab(panel, 'services');
      const service = report.services.find((candidate) => candidate.name === 'np-svc');
      assert.ok(service !== undefined);
      await page.click(`${key('service:default/np-svc')} .card-title`);
      assert.deepEqual(await lastPosted(panel), { type: 'reveal', ...service.source });

      await openTab(panel, 'ingress');
      const shop = report.ingresses.find((candidate) => candidate.name === 'shop');
      assert.ok(shop !== undefined);
      await page.click(`${key('ingress-rule:default/shop#1')} td:first-child`);
      assert.deepEqual(await lastPosted(panel), { type: 'reveal', ...shop.source });

      await openTab(panel, 'storage');
      const claim = report.volumeClaims.find((candidate) => candidate.name === 'reports');
      assert.ok(claim?.source !== undefined);
      await page.click(key('claim:default/reports'));
      assert.deepEqual(await lastPosted(panel), { type: 'reveal', ...claim.source });

      await openTab(panel, 'problems');
      const first = page.locator('.problem').first();
      await first.click();
      const posted = await lastPosted(panel);
      assert.equal(posted?.type, 'reveal');
      const diagnostic = report.diagnostics.find(
        (d) => posted?.type === 'reveal' && d.uri === posted.uri,
      );
      assert.ok(diagnostic !== undefined);
      assert.deepEqual(posted, { type: 'reveal', uri: diagnostic.uri, range: diagnostic.range });
      await assertClean(panel);
    } finally {
      await panel.close();
    }
  });

  it('works from the keyboard: arrow keys move along the tabs, Tab reaches the cards, Enter reveals', async () => {
    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      await panel.send(SHOW);
      const { page } = panel;
      assert.equal(await page.getAttribute('.tabs', 'role'), 'tablist');
      await page.focus('#tab-nodes');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.getAttribute('#tab-services', 'aria-selected'), 'true');
      assert.equal(await page.evaluate('document.activeElement.id'), 'tab-services');
      await page.keyboard.press('End');
      assert.equal(await page.getAttribute('#tab-problems', 'aria-selected'), 'true');
      await page.keyboard.press('Home');
      assert.equal(await page.getAttribute('#tab-nodes', 'aria-selected'), 'true');
      assert.equal(await page.getAttribute('#panel-nodes', 'aria-labelledby'), 'tab-nodes');

      await page.keyboard.press('Tab');
      const focused = String(
        await page.evaluate(
          'document.activeElement.getAttribute("data-key") || document.activeElement.tagName',
        ),
      );
      // The first focusable of the view is a node's labels toggle or a pod card.
      await page.focus('.pod-card');
      const cardKey = String(
        await page.evaluate('document.activeElement.getAttribute("data-key")'),
      );
      assert.match(cardKey, /^pod:/, `focused ${focused}`);
      assert.ok(((await page.getAttribute('.pod-card', 'aria-label')) ?? '').startsWith('Pod '));
      const before = (await panel.posted()).length;
      await page.keyboard.press('Enter');
      const reveal = await panel.waitForPosted('reveal', before);
      const pod = report.pods.find(
        (candidate) => `pod:${candidate.namespace}/${candidate.name}` === cardKey,
      );
      assert.deepEqual(reveal, { type: 'reveal', uri: pod?.source.uri, range: pod?.source.range });
    } finally {
      await panel.close();
    }
  });

  it('highlights the objects of the document under the editor cursor', async () => {
    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      await panel.send(SHOW);
      const { page } = panel;
      await panel.send({ type: 'highlight', cursor: { uri: shopApi.source.uri, line: 20 } });
      const highlighted = await keysOf(panel, '.is-cursor');
      const expected = report.pods
        .filter((pod) => pod.owner === 'Deployment/shop-api')
        .map((pod) => `pod:default/${pod.name}`);
      assert.deepEqual([...highlighted].sort(), expected.sort());
      await panel.screenshot('dark-modern-nodes-cursor');

      // The next document of the file is the Service: its card lights up, the pods do not.
      await openTab(panel, 'services');
      await panel.send({ type: 'highlight', cursor: { uri: shopApi.source.uri, line: 75 } });
      assert.deepEqual(await keysOf(panel, '.is-cursor'), ['service:default/shop-api']);
      await panel.send({ type: 'highlight', cursor: null });
      assert.equal(await page.locator('.is-cursor').count(), 0);
    } finally {
      await panel.close();
    }
  });

  it('keeps the last good report visible, marked stale, while the YAML does not parse', async () => {
    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      await panel.send(SHOW);
      const { page } = panel;
      const problem = {
        uri: shopApi.source.uri,
        range: { start: { line: 12, character: 4 }, end: { line: 12, character: 9 } },
        message: 'Nested mappings are not allowed in compact mappings',
      };
      await panel.send({ ...SHOW, result: { ...result, parseProblems: [problem] }, stale: true });
      assert.equal(await page.locator('.pod-card').count(), report.pods.length, 'the report stays');
      assert.ok(((await page.textContent('.banners')) ?? '').includes('does not parse'));
      assert.ok(((await page.textContent('.banners')) ?? '').includes(problem.message));
      assert.ok(((await page.textContent('.app-header')) ?? '').includes('stale'));
      assert.ok(await page.locator('#app.is-stale').count());
      await panel.screenshot('dark-modern-stale');
      await page.click('.banner-item');
      assert.deepEqual(await lastPosted(panel), {
        type: 'reveal',
        uri: problem.uri,
        range: problem.range,
      });

      await panel.send(SHOW);
      assert.equal(await page.locator('.banners .banner').count(), 0);
      assert.equal(await page.locator('#app.is-stale').count(), 0);
    } finally {
      await panel.close();
    }
  });

  it('says what it waits for before the first report, and why none comes', async () => {
    const panel = await openPanel(browser, { theme: 'light-modern' });
    try {
      const { page } = panel;
      await panel.send({
        type: 'showStatus',
        target: SHOW.target,
        state: 'loading',
        message: 'Simulating…',
      });
      assert.equal(await page.textContent('.placeholder-text'), 'Simulating…');
      const message = 'The Slipway language server starts when a Kubernetes manifest is open.';
      await panel.send({ type: 'showStatus', target: SHOW.target, state: 'error', message });
      assert.equal(await page.textContent('.placeholder-text'), message);
      await panel.screenshot('light-modern-no-report');
    } finally {
      await panel.close();
    }
  });

  it('asks the host to switch between the scope and the file alone', async () => {
    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      await panel.send(SHOW);
      const { page } = panel;
      assert.equal(
        await page.getAttribute('.segment[aria-checked="true"]', 'title'),
        "The file's scope: the files applied together with it",
      );
      await page.click('.segment:not(.is-checked)');
      assert.deepEqual(await lastPosted(panel), { type: 'switchScope', scope: 'file' });
      await page.click('[aria-label="Simulate again"]');
      assert.deepEqual(await lastPosted(panel), { type: 'refresh' });
    } finally {
      await panel.close();
    }
  });

  it('keeps its view, selection and scroll when hidden and shown again (setState)', async () => {
    const first = await openPanel(browser, { theme: 'dark-modern', height: 420 });
    let saved: unknown;
    try {
      await first.send(SHOW);
      await openTab(first, 'services');
      await first.page.click(`${key('service:default/shop-api')} .card-title`);
      await first.page.evaluate(`document.querySelector('#panel-services').scrollTop = 180`);
      await waitForExpression(first.page, `window.__slipwayTest.state.scroll.services === 180`);
      saved = await first.savedState();
    } finally {
      await first.close();
    }
    // A new page with the saved state, before the host says anything.
    const second = await openPanel(browser, {
      theme: 'dark-modern',
      height: 420,
      savedState: saved,
    });
    try {
      const { page } = second;
      assert.equal(await page.getAttribute('#tab-services', 'aria-selected'), 'true');
      assert.equal(await page.textContent('.scope-label'), 'examples');
      assert.equal(
        await page.getAttribute(key('service:default/shop-api'), 'aria-current'),
        'true',
      );
      assert.equal(await page.evaluate(`document.querySelector('#panel-services').scrollTop`), 180);
      assert.deepEqual((await second.posted())[0], { type: 'ready' });
      // A fresh report keeps all that too.
      await second.send(SHOW);
      assert.equal(await page.getAttribute('#tab-services', 'aria-selected'), 'true');
      assert.equal(await page.evaluate(`document.querySelector('#panel-services').scrollTop`), 180);
      assert.equal(
        await page.getAttribute(key('service:default/shop-api'), 'aria-current'),
        'true',
      );
    } finally {
      await second.close();
    }
  });
});
