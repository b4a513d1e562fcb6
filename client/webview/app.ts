/**
 * The panel page: a header, a tab list of views, and the view of the active tab, drawn from the
 * last report the host posted. Keeps its state (tab, selection, scroll, zoom, trace) with
 * `vscode.setState`, so hiding or reloading the panel loses nothing.
 */
import type { SourceRef } from '../../server/src/core/simulation/report';
import type { SimulateResult } from '../../server/src/protocol/requests';
import {
  parseHostMessage,
  type CursorPosition,
  type HostToPageMessage,
  type PanelTarget,
} from '../src/panel/messages';
import { el, makeActivatable, replaceChildren } from './dom';
import { clip, sourceContainsLine } from './format';
import { renderBanners, renderHeader, type HeaderActions, type PageStatus } from './header';
import type { Host } from './host';
import { restoreState, TAB_IDS, type GraphView, type PageState, type TabId } from './page-state';
import type { ObjectBinding, ViewContext } from './view-context';
import { renderConfig } from './views/config';
import { renderGraph } from './views/graph';
import { renderIngress } from './views/ingress';
import { renderLifecycle } from './views/lifecycle';
import { renderNodes } from './views/nodes';
import { emptyState } from './views/parts';
import { collectProblems, renderProblems } from './views/problems';
import { renderServices } from './views/services';
import { renderStorage } from './views/storage';
import { renderTrace } from './views/trace';

const TAB_TITLES: Readonly<Record<TabId, string>> = {
  nodes: 'Nodes',
  services: 'Services',
  ingress: 'Ingress',
  storage: 'Storage',
  config: 'ConfigMaps & Secrets',
  graph: 'Graph',
  lifecycle: 'Lifecycle',
  trace: 'Trace',
  problems: 'Problems',
};

const RENDERERS: Readonly<Record<TabId, (context: ViewContext) => HTMLElement>> = {
  nodes: renderNodes,
  services: renderServices,
  ingress: renderIngress,
  storage: renderStorage,
  config: renderConfig,
  graph: renderGraph,
  lifecycle: renderLifecycle,
  trace: renderTrace,
  problems: renderProblems,
};

/** How long scroll and zoom changes wait before they are saved. */
const SAVE_DELAY_MS = 150;

interface Bound {
  element: HTMLElement | SVGElement;
  binding: ObjectBinding;
}

/** Adds `http://` to a URL typed without a scheme. */
export function normalizeUrl(text: string): string {
  const url = text.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
}

export class App {
  private readonly state: PageState;
  private status: PageStatus | null = null;
  private cursor: CursorPosition | null = null;
  private bound: Bound[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly header = el('header', 'app-header');
  private readonly banners = el('div', 'banners');
  private readonly tablist = el('div', 'tabs', { role: 'tablist', 'aria-label': 'Views' });
  private readonly tabs = new Map<TabId, HTMLButtonElement>();
  private readonly panels = new Map<TabId, HTMLElement>();
  private readonly placeholder = el('div', 'placeholder');
  private readonly actions: HeaderActions = {
    switchScope: (scope) => {
      if (this.state.target !== null) this.state.target = { ...this.state.target, scope };
      this.status = { state: 'loading', message: 'Simulating…' };
      this.save();
      this.host.post({ type: 'switchScope', scope });
      this.renderChrome();
    },
    refresh: () => this.host.post({ type: 'refresh' }),
    revealProblem: (problem) => this.reveal({ uri: problem.uri, range: problem.range }),
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly host: Host,
  ) {
    this.state = restoreState(host.getState());
    const views = el('main', 'views');
    for (const tab of TAB_IDS) {
      const button = el(
        'button',
        'tab',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${tab}`,
          'aria-controls': `panel-${tab}`,
          'data-tab': tab,
        },
        el('span', 'tab-title', {}, TAB_TITLES[tab]),
        el('span', 'tab-count'),
      );
      button.addEventListener('click', () => this.openTab(tab));
      this.tabs.set(tab, button);
      this.tablist.appendChild(button);
      const panel = el('section', 'view', {
        role: 'tabpanel',
        id: `panel-${tab}`,
        'aria-labelledby': `tab-${tab}`,
        tabindex: '-1',
      });
      panel.hidden = true;
      panel.addEventListener('scroll', () => {
        if (tab !== this.state.tab) return;
        this.state.scroll[tab] = panel.scrollTop;
        this.saveLater();
      });
      this.panels.set(tab, panel);
      views.appendChild(panel);
    }
    this.tablist.addEventListener('keydown', (event) => this.onTabKey(event));
    replaceChildren(root, this.header, this.banners, this.tablist, views, this.placeholder);
  }

  /** Draws what the saved state has, listens to the host, and says `ready`. */
  start(): void {
    window.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
    this.render();
    this.host.post({ type: 'ready' });
  }

  private get result(): SimulateResult | null {
    return this.state.report?.result ?? null;
  }

  receive(raw: unknown): void {
    const parsed = parseHostMessage(raw);
    if (parsed.ok) this.handle(parsed.value);
  }

  private handle(message: HostToPageMessage): void {
    switch (message.type) {
      case 'showReport':
        if (this.result !== null && this.result.scope.id !== message.result.scope.id) {
          // Another scope: what was traced, zoomed and scrolled belonged to the old one.
          this.state.route = null;
          this.state.routeError = null;
          this.state.graphViews = {};
          this.state.scroll = {};
        }
        this.state.report = message;
        this.state.target = message.target;
        if (!message.stale || this.status?.state === 'loading') this.status = null;
        this.save();
        this.render();
        return;
      case 'showStatus':
        this.status = { state: message.state, message: message.message };
        if (message.target !== null) this.state.target = message.target;
        this.render();
        return;
      case 'highlight':
        this.cursor = message.cursor;
        this.applyMarks(true);
        return;
      case 'routeResult':
        this.state.route = message.result;
        this.state.traceUrl = message.result.url;
        this.state.routeError = null;
        // A new path: the trace graph fits it.
        delete this.state.graphViews.trace;
        this.save();
        if (this.state.tab === 'trace') this.renderView();
        return;
      case 'routeError':
        this.state.route = null;
        this.state.routeError = `Cannot trace ${message.url}: ${message.message}`;
        this.save();
        if (this.state.tab === 'trace') this.renderView();
        return;
    }
  }

  private render(): void {
    this.renderChrome();
    this.renderView();
  }

  private headerModel(): {
    result: SimulateResult | null;
    target: PanelTarget | null;
    stale: boolean;
    status: PageStatus | null;
  } {
    return {
      result: this.result,
      target: this.state.target,
      stale:
        this.state.report?.stale === true ||
        (this.status?.state === 'error' && this.result !== null),
      status: this.status,
    };
  }

  private renderChrome(): void {
    const model = this.headerModel();
    renderHeader(this.header, model, this.actions);
    renderBanners(this.banners, model, this.actions);
    this.root.classList.toggle('is-stale', model.stale);
    this.root.classList.toggle('has-report', this.result !== null);
    const counts = this.tabCounts();
    for (const [tab, button] of this.tabs) {
      const selected = tab === this.state.tab;
      button.setAttribute('aria-selected', selected ? 'true' : 'false');
      button.tabIndex = selected ? 0 : -1;
      button.classList.toggle('is-active', selected);
      const count = counts[tab];
      const countElement = button.querySelector('.tab-count');
      if (countElement !== null) {
        countElement.textContent = count === undefined ? '' : String(count.value);
        countElement.className = `tab-count${count === undefined ? '' : ` tone-${count.tone}`}`;
      }
    }
  }

  private tabCounts(): Partial<Record<TabId, { value: number; tone: string }>> {
    const result = this.result;
    if (result === null) return {};
    const { report } = result;
    const problems = collectProblems(this.context(result));
    const errors = problems.some((problem) => problem.severity === 'error');
    return {
      nodes: {
        value: report.pods.length,
        tone: report.pods.some((p) => p.phase === 'Pending') ? 'warning' : 'neutral',
      },
      services: { value: report.services.length, tone: 'neutral' },
      ingress: { value: report.ingresses.length, tone: 'neutral' },
      storage: { value: report.volumeClaims.length, tone: 'neutral' },
      config: { value: report.configMaps.length + report.secrets.length, tone: 'neutral' },
      problems: {
        value: problems.length,
        tone: problems.length === 0 ? 'neutral' : errors ? 'error' : 'warning',
      },
    };
  }

  /** Draws the active view (the others are emptied), keeping scroll and focus. */
  private renderView(): void {
    const result = this.result;
    const active = this.state.tab;
    // Focus is given back to the element that had it only while the panel has
    // the focus: a report that arrives after a click revealed a source in the
    // editor must not pull the keyboard back from the editor.
    const focused = document.hasFocus() ? document.activeElement : null;
    const focusKey =
      focused?.getAttribute('data-key') ?? focused?.getAttribute('data-focus-key') ?? null;
    const inputSelection =
      focused instanceof HTMLInputElement
        ? ([focused.selectionStart ?? null, focused.selectionEnd ?? null] as const)
        : null;
    this.bound = [];
    for (const [tab, panel] of this.panels) {
      panel.hidden = tab !== active || result === null;
      if (tab !== active) panel.replaceChildren();
    }
    if (result === null) {
      const loading = this.status === null || this.status.state === 'loading';
      replaceChildren(
        this.placeholder,
        loading ? el('span', 'spinner large', { 'aria-hidden': 'true' }) : null,
        el(
          'p',
          loading ? 'placeholder-text' : 'placeholder-text tone-text-error',
          { role: loading ? 'status' : 'alert' },
          this.status?.message ?? 'Simulating…',
        ),
      );
      this.placeholder.hidden = false;
      this.tablist.hidden = true;
      return;
    }
    this.placeholder.hidden = true;
    this.tablist.hidden = false;
    const panel = this.panels.get(active);
    if (panel === undefined) return;
    let content: HTMLElement;
    try {
      content = RENDERERS[active](this.context(result));
    } catch (error) {
      content = emptyState(
        'This view cannot be drawn',
        error instanceof Error ? error.message : String(error),
      );
    }
    panel.classList.toggle('view-fill', active === 'graph' || active === 'trace');
    replaceChildren(panel, content);
    panel.scrollTop = this.state.scroll[active] ?? 0;
    this.applyMarks(false);
    if (focusKey !== null) {
      const selector = `[data-key="${CSS.escape(focusKey)}"], [data-focus-key="${CSS.escape(focusKey)}"]`;
      const again = this.root.querySelector(selector);
      if (again instanceof HTMLElement || again instanceof SVGElement) {
        again.focus({ preventScroll: true });
        if (again instanceof HTMLInputElement && inputSelection !== null) {
          again.setSelectionRange(inputSelection[0], inputSelection[1]);
        }
      }
    }
  }

  private context(result: SimulateResult): ViewContext {
    return {
      result,
      report: result.report,
      state: this.state,
      bindObject: (element, binding) => this.bindObject(element, binding),
      showLifecycle: (pod) => {
        this.state.lifecyclePod = pod;
        this.save();
        if (this.state.tab === 'lifecycle') this.renderView();
      },
      openTab: (tab) => this.openTab(tab),
      trace: (url) => this.trace(url),
      saveGraphView: (which, view: GraphView) => {
        this.state.graphViews[which] = view;
        this.saveLater();
      },
    };
  }

  private bindObject(element: HTMLElement | SVGElement, binding: ObjectBinding): void {
    const target = binding.reveal ?? binding.sources[0];
    element.setAttribute('data-key', binding.key);
    element.classList.add('object');
    makeActivatable(element, clip(binding.label, 300), () => {
      this.state.selected = binding.key;
      this.save();
      binding.onActivate?.();
      this.applyMarks(false);
      if (target !== undefined) this.reveal(target);
    });
    this.bound.push({ element, binding });
  }

  private reveal(source: SourceRef): void {
    this.host.post({ type: 'reveal', uri: source.uri, range: source.range });
  }

  /** Marks the selected object and the objects under the editor's cursor. */
  private applyMarks(scrollToCursor: boolean): void {
    let first: Element | undefined;
    const cursor = this.cursor;
    for (const { element, binding } of this.bound) {
      const hit =
        cursor !== null && binding.sources.some((source) => sourceContainsLine(source, cursor));
      element.classList.toggle('is-cursor', hit);
      const selected = binding.key === this.state.selected;
      element.classList.toggle('is-selected', selected);
      if (selected) element.setAttribute('aria-current', 'true');
      else element.removeAttribute('aria-current');
      if (hit && first === undefined) first = element;
    }
    if (scrollToCursor && first !== undefined && !(first instanceof SVGElement)) {
      first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  private openTab(tab: TabId): void {
    if (tab === this.state.tab) return;
    this.state.tab = tab;
    this.save();
    this.renderChrome();
    this.renderView();
  }

  private onTabKey(event: KeyboardEvent): void {
    const index = TAB_IDS.indexOf(this.state.tab);
    const next: Partial<Record<string, number>> = {
      ArrowRight: (index + 1) % TAB_IDS.length,
      ArrowLeft: (index - 1 + TAB_IDS.length) % TAB_IDS.length,
      Home: 0,
      End: TAB_IDS.length - 1,
    };
    const target = next[event.key];
    const tab = target === undefined ? undefined : TAB_IDS[target];
    if (tab === undefined) return;
    event.preventDefault();
    this.openTab(tab);
    this.tabs.get(tab)?.focus();
  }

  private trace(text: string): void {
    if (text.trim() === '') return;
    const url = normalizeUrl(text);
    this.state.traceUrl = url;
    this.state.route = null;
    this.state.routeError = null;
    this.save();
    this.host.post({ type: 'trace', url });
    if (this.state.tab === 'trace') this.renderView();
    else this.openTab('trace');
  }

  private save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.host.setState(this.state);
  }

  private saveLater(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }
}
