/**
 * Slipway as a user meets it: installed from the .vsix into a clean profile of a real VS Code
 * (code-server 4.100.3 = VS Code 1.100.3, real Node extension host), driven headless through
 * Chromium as a person would: Quick Open, the Problems panel, hover, completion, the command
 * palette, the simulation panel, the output channel. One editor for the whole suite; every step
 * has a timeout and leaves a screenshot and the logs under test/artifacts/e2e/ when it fails.
 *
 * Screenshots for the README (docs/*.png, dark and light) are rewritten when
 * SLIPWAY_UPDATE_SCREENSHOTS=1 or when missing; every run also leaves them in test/artifacts/.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { ARTIFACTS_DIR, CodeServer, REPO_ROOT, builtVsix } from './support/code-server';
import { Steps, Workbench } from './support/workbench';
import { createFixtureWorkspace, type FixtureWorkspace } from './support/workspace';

const SIMULATE = 'Slipway: Simulate Manifest';
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' } as const;
const HOVER_TEXT = 'The port on each node on which this service is exposed';
const SHOTS = join(ARTIFACTS_DIR, 'screenshots');
const DOCS = join(REPO_ROOT, 'docs');

interface PodInReport {
  name: string;
  node: string | null;
  source: { uri: string; range: { start: { line: number } } };
}
interface ReportSubset {
  cluster: { nodes: { name: string; ip: string }[] };
  pods: PodInReport[];
}

/** The CLI's simulation of the same workspace: the panel must agree with it. */
function simulateWithCli(folder: string): ReportSubset {
  const result = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'dist', 'cli.js'), 'simulate', '--json', folder],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as ReportSubset;
}

describe('Slipway in a real VS Code, installed from the .vsix', () => {
  let workspace: FixtureWorkspace;
  let server: CodeServer;
  let workbench: Workbench | undefined;
  let steps: Steps;
  let expected: ReportSubset;
  let hasPanel = false;
  const started = Date.now();

  const wb = (): Workbench => {
    assert.ok(workbench, 'the workbench did not open');
    return workbench;
  };

  /** Saves a screenshot into test/artifacts/, and into docs/ when asked (or missing). */
  async function shot(name: string): Promise<void> {
    const file = join(SHOTS, `${name}.png`);
    await wb().screenshot(file);
    const doc = join(DOCS, `${name}.png`);
    if (process.env.SLIPWAY_UPDATE_SCREENSHOTS === '1' || !existsSync(doc)) {
      mkdirSync(DOCS, { recursive: true });
      copyFileSync(file, doc);
    }
  }

  /** The panel's screenshot, with the side bar and the bottom panel out of its way. */
  async function panelShot(name: string): Promise<void> {
    await wb().runCommand('View: Toggle Primary Side Bar Visibility');
    await wb().runCommand('View: Hide Panel');
    await wb().page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await wb().page.locator('.part.panel').waitFor({ state: 'hidden' });
    await shot(name);
    await wb().runCommand('View: Toggle Primary Side Bar Visibility');
    await wb().page.locator('.part.sidebar').waitFor();
    await wb().showProblems();
  }

  before(async () => {
    workspace = createFixtureWorkspace('vscode');
    expected = simulateWithCli(workspace.path);
    server = await CodeServer.start({
      name: 'vscode',
      vsix: builtVsix(),
      settings: { 'workbench.colorTheme': THEMES.dark },
    });
    steps = new Steps('vscode', server, () => workbench);
  });

  after(async () => {
    await workbench?.close().catch(() => undefined);
    await server?.stop();
    workspace?.remove();
    console.log(`editor suite: ${Math.round((Date.now() - started) / 100) / 10} s`);
    for (const { name, ms } of steps?.timings ?? []) console.log(`  ${ms} ms  ${name}`);
  });

  it('opens the fixture workspace in the workbench', async () => {
    await steps.run('open the workbench', 60_000, async () => {
      workbench = await Workbench.open(server, { folder: workspace.path });
      await wb().waitForExplorer();
    });
  });

  it('shows the seed’s diagnostics (codes and lines) in the Problems panel', async () => {
    await steps.run('open minimal-ingress.yaml, see its problems', 45_000, async () => {
      await wb().openFile('seed/minimal-ingress.yaml');
      await wb().showProblems();
      await wb().problem('ingress-backend-service-name-invalid', '[Ln 16, Col 23]').waitFor();
      await wb().editor.locator('.squiggly-error').first().waitFor();
      // The cross-resource finding: no Service "test" in the workspace.
      await wb().problem('ingress-backend-service-not-found', '[Ln 23, Col 23]').waitFor();
      await wb().goTo(16, 23);
      await shot('diagnostics-dark');
    });
    await steps.run(
      'the master toleration hint on fluentd-daemonset.yaml line 21',
      30_000,
      async () => {
        // Hints are not listed in the Problems panel; the editor shows them, and so does the hover.
        await wb().openFile('seed/fluentd-daemonset.yaml');
        await wb().editor.locator('.squiggly-hint').first().waitFor();
        await wb().goTo(21, 14);
        await wb().page.keyboard.press('Control+K');
        await wb().page.keyboard.press('Control+I');
        await wb().hover.filter({ hasText: 'daemonset-master-toleration' }).waitFor();
        await wb().page.keyboard.press('Escape');
      },
    );
  });

  it('hovers nodePort and reads its Kubernetes description', async () => {
    await steps.run('hover nodePort in np-svc.yaml', 30_000, async () => {
      await wb().openFile('seed/np-svc.yaml');
      await wb().hoverWordUntil('nodePort', HOVER_TEXT);
      await shot('hover-dark');
      await wb().page.mouse.move(1, 400);
      await wb().page.keyboard.press('Escape');
    });
  });

  it('accepts a completion under a Service spec (sessionAffinity)', async () => {
    await steps.run('complete sessionAffinity', 30_000, async () => {
      const page = wb().page;
      await wb().openFile('seed/np-svc.yaml');
      await wb().goTo(15, 1);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('sessionAffin');
      await page.keyboard.press('Control+Space');
      const row = page
        .locator('.suggest-widget.visible .monaco-list-row.focused')
        .filter({ hasText: /sessionAffinity(?!Config)/ });
      await row.waitFor();
      await page.keyboard.press('Enter');
      await wb()
        .editor.locator('.view-line', { hasText: /^\s*sessionAffinity:/ })
        .waitFor();
      await wb().runCommand('File: Revert File');
      await wb()
        .editor.locator('.view-line', { hasText: 'sessionAffinity' })
        .waitFor({ state: 'detached' });
    });
  });

  it('runs "Slipway: Simulate Manifest" and sees np-pods on worker-1 and worker-2, nodePort 30000 on every node', async (t: TestContext) => {
    hasPanel = contributes(server, 'slipway.simulateManifest');
    if (!hasPanel) {
      t.skip(`"${SIMULATE}" is not contributed by this build yet (the panel lands separately)`);
      return;
    }
    await steps.run('simulate np-pods-deployment.yaml', 45_000, async () => {
      await wb().openFile('seed/np-pods-deployment.yaml');
      await wb().runCommand(SIMULATE);
      const panel = wb().webview();
      await expectPods(panel, 2);
      for (const node of ['worker-1', 'worker-2']) {
        const lane = panel.getByRole('group', { name: `Node ${node}` });
        await lane
          .getByText(/^np-pods-/)
          .first()
          .waitFor();
      }
      await showNodePorts(panel, expected.cluster.nodes);
      await expectPods(panel, 2);
      await panelShot('panel-dark');
    });
  });

  it('changes replicas: the diagnostics follow and a third pod card appears', async (t: TestContext) => {
    await steps.run('replicas: three is a schema-type error', 30_000, async () => {
      await wb().openFile('seed/np-pods-deployment.yaml');
      await replaceReplicas('three');
      await wb().showProblems();
      await wb().problem('schema-type', '[Ln 10, Col 13]').waitFor();
    });
    await steps.run('replicas: 3 clears it', 30_000, async () => {
      await replaceReplicas('3');
      await wb().problem('schema-type').waitFor({ state: 'detached' });
      // The other findings stay.
      await wb().problem('ingress-backend-service-name-invalid', '[Ln 16, Col 23]').waitFor();
    });
    if (!hasPanel) {
      t.skip(`the third pod card needs "${SIMULATE}" (not contributed yet)`);
      return;
    }
    await steps.run('a third np-pods card', 30_000, () => expectPods(wb().webview(), 3));
  });

  it('clicks a pod card and lands on its Deployment', async (t: TestContext) => {
    if (!hasPanel) {
      t.skip(`needs "${SIMULATE}" (not contributed yet)`);
      return;
    }
    const pod = expected.pods.find((p) => p.name.startsWith('np-pods-'));
    assert.ok(pod, 'the CLI simulates no np-pods pod');
    const line = pod.source.range.start.line + 1;
    await steps.run('click the first np-pods card', 30_000, async () => {
      await wb().openFile('seed/np-svc.yaml');
      await wb()
        .webview()
        .getByText(/^np-pods-/)
        .first()
        .click();
      await wb().activeTab('np-pods-deployment.yaml').waitFor();
      await wb().waitForCursor(line);
    });
  });

  it('opens a GitHub Actions workflow and sees no Slipway diagnostics', async () => {
    await steps.run('open .github/workflows/ci.yaml', 30_000, async () => {
      const page = wb().page;
      await wb().openFile('.github/workflows/ci.yaml');
      // A round trip to the language server for this file (Go to Symbol in Editor) before
      // looking for what it did not report.
      await wb().focusEditor();
      await page.keyboard.press('Control+Shift+O');
      await page.locator('.quick-input-widget').waitFor();
      // "No editor symbols" (or symbols): the server has answered for this document.
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      const symbols = await page.locator('.quick-input-list .monaco-list-row').allTextContents();
      assert.equal(symbols.length, 1, `ci.yaml has symbols: ${symbols.join(', ')}`);
      assert.match(symbols[0] ?? '', /^No editor symbols/);
      await page.keyboard.press('Escape');
      await wb().showProblems();
      await wb().problem('ingress-backend-service-name-invalid').waitFor();
      assert.equal(await wb().problem('ci.yaml').count(), 0, 'ci.yaml is in the Problems panel');
      const squiggles = wb().editor.locator(
        '.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint',
      );
      assert.equal(await squiggles.count(), 0, 'ci.yaml has squiggles');
    });
  });

  it('reads "activated in N ms" from the Slipway output channel', async () => {
    await steps.run('Slipway: Show Output', 30_000, async () => {
      await wb().runCommand('Slipway: Show Output');
      const line = wb()
        .page.locator('.part.panel .monaco-editor .view-line', {
          hasText: /activated\sin\s\d+\sms/,
        })
        .first();
      await line.waitFor();
      const text = (await line.textContent()) ?? '';
      const ms = Number(/activated\sin\s(\d+)\sms/.exec(text)?.[1]);
      assert.ok(ms >= 0 && ms < 5_000, `activated in ${ms} ms`);
      console.log(`Slipway ${text.replace(/\s+/g, ' ').trim()}`);
    });
  });

  it('looks right in a light theme too (screenshots for the README)', async () => {
    await steps.run('switch to the light theme', 30_000, async () => {
      await wb().setColorTheme(THEMES.light, 'light');
    });
    await steps.run('light: diagnostics, hover, panel', 60_000, async () => {
      await wb().openFile('seed/minimal-ingress.yaml');
      await wb().showProblems();
      await wb().problem('ingress-backend-service-name-invalid').waitFor();
      await wb().goTo(16, 23);
      await shot('diagnostics-light');
      await wb().openFile('seed/np-svc.yaml');
      await wb().hoverWordUntil('nodePort', HOVER_TEXT);
      await shot('hover-light');
      await wb().page.mouse.move(1, 400);
      await wb().page.keyboard.press('Escape');
      if (hasPanel) {
        await wb().openFile('seed/np-pods-deployment.yaml');
        await wb().runCommand(SIMULATE);
        await expectPods(wb().webview(), 3);
        await panelShot('panel-light');
      }
    });
  });

  /** Selects the value of `replicas:` (line 10) and types a new one. */
  async function replaceReplicas(value: string): Promise<void> {
    await wb().goTo(10, 13);
    await wb().page.keyboard.press('Shift+End');
    await wb().page.keyboard.type(value);
  }
});

/** Whether the installed extension (the .vsix's package.json) contributes a command. */
function contributes(server: CodeServer, command: string): boolean {
  const manifest = JSON.parse(
    readFileSync(join(server.installedExtensionDir('slipway.slipway'), 'package.json'), 'utf8'),
  ) as { contributes?: { commands?: { command: string }[] } };
  return (manifest.contributes?.commands ?? []).some((c) => c.command === command);
}

/** Opens one of the panel's views by its tab (Nodes, Services, …). */
async function showView(panel: FrameLocator, name: string): Promise<void> {
  await panel
    .getByRole('tab', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await panel.locator('[role=tab][aria-selected=true]', { hasText: name }).first().waitFor();
}

/** Waits until the panel's Nodes view shows exactly `count` np-pods pod cards. */
async function expectPods(panel: FrameLocator, count: number): Promise<void> {
  await showView(panel, 'Nodes');
  const cards = panel.getByText(/^np-pods-[a-z0-9]+-[a-z0-9]+$/);
  await cards.nth(count - 1).waitFor();
  await cards.nth(count).waitFor({ state: 'detached' });
}

/** Finds `http://<node IP>:30000/` for every node in the Services view. */
async function showNodePorts(
  panel: FrameLocator,
  nodes: readonly { name: string; ip: string }[],
): Promise<void> {
  assert.ok(nodes.length > 0, 'the cluster has no node');
  await showView(panel, 'Services');
  for (const node of nodes) await panel.getByText(`${node.ip}:30000`).first().waitFor();
}
