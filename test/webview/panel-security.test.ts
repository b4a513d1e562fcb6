// The panel is safe with hostile manifests: a report made by the built CLI from
// test/fixtures/hostile/panel-names.yaml (names such as <script>alert(1)</script>,
// <img src=x onerror=alert(1)> and 10 kB names) renders every string as text and runs nothing;
// and the page's Content-Security-Policy refuses an inline script without the nonce.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { ShowReportMessage } from '../../client/src/panel/messages';
import { launchBrowser, openPanel, type PanelPage } from './support/panel-page';
import { routeResult, simulateReport, simulateResult } from './support/reports';

const PATHS = ['test/fixtures/hostile/panel-names.yaml'];
const report = simulateReport(PATHS);
const result = simulateResult(report, PATHS, '<img src=x onerror=alert("scope")>');
const LONG = 'n'.repeat(10240);
const SHOW: ShowReportMessage = {
  type: 'showReport',
  target: { uri: result.scope.files[0] ?? '', scope: 'scope' },
  result: {
    ...result,
    parseProblems: [
      {
        uri: result.scope.files[0] ?? '',
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
        message: 'bad <img src=x onerror=alert("parse")> here',
      },
    ],
  },
  stale: false,
};

const TABS = [
  'nodes',
  'services',
  'ingress',
  'storage',
  'config',
  'graph',
  'lifecycle',
  'trace',
  'problems',
];

/** Elements that only HTML parsing of a manifest string could have made. */
const INJECTED =
  'img, iframe, b, i, object, embed, form:not(.trace-form), svg:not(.graph-canvas), [onerror], [onload]';

async function count(panel: PanelPage, expression: string): Promise<number> {
  return panel.page.evaluate<number>(expression);
}

describe('the panel with hostile manifests', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('has a report that carries the hostile strings (made by the CLI, not by hand)', () => {
    assert.ok(report.pods.some((pod) => pod.name.startsWith('<script>alert(1)</script>')));
    assert.ok(report.pods.some((pod) => pod.name === LONG));
    assert.ok(report.services.some((service) => service.name === LONG));
    assert.ok(report.ingresses.some((ingress) => ingress.name === '<img src=x onerror=alert(3)>'));
    assert.ok(
      report.configMaps.some((object) => object.keys.includes('<img src=x onerror=alert(9)>')),
    );
  });

  for (const theme of ['dark-modern', 'light-modern'] as const) {
    it(`shows every hostile string literally and runs none of them (${theme})`, async () => {
      const panel = await openPanel(browser, { theme });
      try {
        const { page } = panel;
        await panel.send(SHOW);
        await panel.send({
          type: 'routeResult',
          result: routeResult('http://<script>alert(4)</script>.example.com/', PATHS),
        });
        for (const tab of TABS) {
          await page.click(`#tab-${tab}`);
          await page.waitForSelector(`#panel-${tab}:not([hidden])`);
          const text = (await page.textContent(`#panel-${tab}`)) ?? '';
          assert.equal(
            await count(panel, `document.querySelectorAll(${JSON.stringify(INJECTED)}).length`),
            0,
            `${tab}: no element made from a name`,
          );
          assert.equal(
            await count(panel, `document.scripts.length`),
            1,
            `${tab}: only the page's own script`,
          );
          if (tab === 'nodes') {
            assert.ok(text.includes('<script>alert(1)</script>-'), 'the pod name, literally');
            assert.ok(
              text.includes('Deployment/<script>alert(1)</script>'),
              'the owner, literally',
            );
            assert.ok(text.includes('<i>web</i> 80/TCP'), 'the port name, literally');
            assert.ok(text.includes(LONG), 'the 10 kB pod name, whole');
          }
          if (tab === 'ingress') {
            assert.ok(text.includes('<script>alert(4)</script>.example.com'));
            assert.ok(text.includes('/<img src=x onerror=alert(5)>'));
          }
          if (tab === 'config') assert.ok(text.includes('<img src=x onerror=alert(9)>'));
          if (tab === 'storage') assert.ok(text.includes('<iframe src=javascript:alert(8)>'));
          if (tab === 'graph') {
            const labels = (await page.textContent('#panel-graph svg')) ?? '';
            assert.ok(labels.includes('<script>alert(1)</script>'), 'graph labels, literally');
          }
          if (tab === 'problems') assert.ok(text.includes('<svg onload=alert(6)>'));
          await panel.screenshot(`hostile-${theme}-${tab}`);
        }
        assert.ok(
          ((await page.textContent('.scope-label')) ?? '').includes(
            '<img src=x onerror=alert("scope")>',
          ),
        );
        assert.ok(
          ((await page.textContent('.banners')) ?? '').includes(
            'bad <img src=x onerror=alert("parse")> here',
          ),
        );
        // Nothing ran: no dialog, no request, no violation (so nothing even tried to load).
        assert.deepEqual(panel.dialogs, []);
        assert.deepEqual(panel.foreignRequests, []);
        assert.deepEqual(panel.pageErrors, []);
        assert.deepEqual(await panel.violations(), []);
        // The lane with the 10 kB name stays inside the panel.
        const width = await count(panel, `document.documentElement.scrollWidth`);
        assert.ok(width <= 1280, `page width ${width}`);
      } finally {
        await panel.close();
      }
    });
  }

  it('runs no inline script without the nonce, nor eval, nor remote images (CSP)', async () => {
    const panel = await openPanel(browser, { theme: 'dark-modern' });
    try {
      const { page } = panel;
      await panel.send(SHOW);
      assert.ok(
        (await page.locator('.pod-card').count()) > 0,
        'the nonce-carrying page script ran',
      );
      await page.evaluate(`(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.appendChild(script);
        const style = document.createElement('style');
        style.textContent = 'body { display: none }';
        document.head.appendChild(style);
        const image = document.createElement('img');
        image.src = 'https://attacker.example/pixel.png';
        document.body.appendChild(image);
      })()`);
      await page.evaluate('new Promise((resolve) => setTimeout(resolve, 100))');
      assert.equal(
        await page.evaluate('window.__inlineRan === true'),
        false,
        'the inline script did not run',
      );
      assert.equal(
        await page.evaluate('getComputedStyle(document.body).display'),
        'block',
        'the inline style did not apply',
      );
      // A string handed to a timer is evaluated by the page itself: 'unsafe-eval' is not allowed.
      await page.evaluate(`setTimeout('window.__stringRan = true', 0)`);
      await page.evaluate('new Promise((resolve) => setTimeout(resolve, 50))');
      assert.equal(
        await page.evaluate('window.__stringRan === true'),
        false,
        'no string evaluation',
      );
      const directives = (await panel.violations()).map((violation) => violation.directive).sort();
      assert.ok(directives.includes('script-src-elem'), `violations: ${directives.join(', ')}`);
      assert.ok(directives.includes('style-src-elem'), `violations: ${directives.join(', ')}`);
      assert.ok(directives.includes('img-src'), `violations: ${directives.join(', ')}`);
      assert.deepEqual(panel.foreignRequests, [], 'the remote image was never requested');
      assert.deepEqual(panel.dialogs, []);
    } finally {
      await panel.close();
    }
  });
});
