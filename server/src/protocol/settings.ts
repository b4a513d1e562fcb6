/**
 * The one typed definition of Slipway's settings, shared by the client and the server.
 *
 * - {@link SETTINGS} describes every setting; `scripts/sync-package-settings.ts` generates
 *   `contributes.configuration` in `package.json` from it, and
 *   `test/unit/settings-manifest.test.ts` checks that the two match exactly.
 * - {@link SlipwaySettings} is the typed shape both sides use; {@link normalizeSettings} turns
 *   whatever `workspace/configuration` returns for the `slipway` section into it.
 *
 * Pure: no import from `vscode`, LSP or Node.
 */
import { CONFIGURATION_SECTION } from './ids';

/** What a rule can be set to in `slipway.rules`; `off` silences the rule. */
export const RULE_SEVERITIES = ['off', 'hint', 'warning', 'error'] as const;

/** A severity override for one diagnostic code. */
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** What is checked and simulated together (`slipway.scope`); `auto` follows kustomizations. */
export const SCOPE_MODES = ['auto', 'workspace', 'folder', 'file'] as const;

/** One of {@link SCOPE_MODES}. */
export type ScopeSetting = (typeof SCOPE_MODES)[number];

/** The LSP trace levels `vscode-languageclient` understands for `slipway.trace.server`. */
export const TRACE_LEVELS = ['off', 'messages', 'verbose'] as const;

/** How much of the client ↔ server traffic is written to the trace output channel. */
export type TraceLevel = (typeof TRACE_LEVELS)[number];

/** Slipway's settings as both the client and the server use them. */
export interface SlipwaySettings {
  /** Master switch: `false` stops the language server. */
  enable: boolean;
  validation: {
    /** Publish diagnostics for Kubernetes manifests. */
    enable: boolean;
  };
  hover: {
    /** Show field documentation on hover. */
    enable: boolean;
  };
  completion: {
    /** Offer completions for keys and values. */
    enable: boolean;
  };
  /** Severity overrides keyed by diagnostic code. */
  rules: Record<string, RuleSeverity>;
  /** Glob patterns of files that are never checked. */
  exclude: string[];
  /** The Kubernetes version (`major.minor`) whose API schema manifests are checked against. */
  kubernetesVersion: string;
  trace: {
    /** LSP message trace level (read by `vscode-languageclient` itself). */
    server: TraceLevel;
  };
  /** What is checked and simulated together. */
  scope: ScopeSetting;
  /** The cluster file, relative to the workspace folder (used when it exists). */
  clusterFile: string;
}

/**
 * The defaults. Treat as read-only: {@link normalizeSettings} returns fresh copies, so callers
 * may mutate what it returns but must not mutate this object.
 */
export const DEFAULT_SETTINGS: SlipwaySettings = {
  enable: true,
  validation: { enable: true },
  hover: { enable: true },
  completion: { enable: true },
  rules: {},
  exclude: ['**/node_modules/**', '**/charts/*/templates/**'],
  kubernetesVersion: '1.36',
  trace: { server: 'off' },
  scope: 'auto',
  clusterFile: '.slipway/cluster.yaml',
};

/** The titled groups of the settings UI, in the order they are shown. */
export const SETTING_CATEGORIES = ['General', 'Validation', 'Editing', 'Advanced'] as const;

/** The title of one settings group. */
export type SettingCategory = (typeof SETTING_CATEGORIES)[number];

/** A setting's default, as written into `package.json`. */
export type SettingValue =
  boolean | string | readonly string[] | Readonly<Record<string, RuleSeverity>>;

/** One setting, described the way `contributes.configuration` needs it. */
export interface SettingDefinition {
  /** The full key, e.g. `slipway.validation.enable`. */
  readonly key: string;
  /** JSON schema type of the value. */
  readonly type: 'boolean' | 'string' | 'array' | 'object';
  /** The default value; always equal to the matching field of {@link DEFAULT_SETTINGS}. */
  readonly default: SettingValue;
  /** Shown in the settings UI. */
  readonly description: string;
  /** The title of the settings group the setting is shown under. */
  readonly category: SettingCategory;
  /** `window` for settings that cannot differ per folder, `resource` for the others. */
  readonly scope: 'window' | 'resource';
  /** The allowed values of a string setting. */
  readonly enum?: readonly string[];
  /** One description per {@link enum} value, same order. */
  readonly enumDescriptions?: readonly string[];
  /** Regular expression a string setting must match. */
  readonly pattern?: string;
  /** Shown when {@link pattern} does not match. */
  readonly patternErrorMessage?: string;
  /** Schema of the items of an array setting. */
  readonly items?: { readonly type: 'string' };
  /** Schema of the values of an object setting. */
  readonly additionalProperties?: { readonly type: 'string'; readonly enum: readonly string[] };
}

const KUBERNETES_VERSION_PATTERN = '^\\d+\\.\\d+$';

/** Every setting, in the order it is shown within its group. */
export const SETTINGS: readonly SettingDefinition[] = [
  {
    key: `${CONFIGURATION_SECTION}.enable`,
    type: 'boolean',
    default: DEFAULT_SETTINGS.enable,
    description: 'Enable Slipway. When off, the language server is stopped.',
    category: 'General',
    scope: 'window',
  },
  {
    key: `${CONFIGURATION_SECTION}.kubernetesVersion`,
    type: 'string',
    default: DEFAULT_SETTINGS.kubernetesVersion,
    description:
      'Kubernetes version (major.minor) whose API schemas manifests are checked against.',
    category: 'General',
    scope: 'resource',
    pattern: KUBERNETES_VERSION_PATTERN,
    patternErrorMessage: 'Use major.minor, for example 1.36.',
  },
  {
    key: `${CONFIGURATION_SECTION}.exclude`,
    type: 'array',
    default: DEFAULT_SETTINGS.exclude,
    description: 'Glob patterns of files that Slipway never checks.',
    category: 'General',
    scope: 'resource',
    items: { type: 'string' },
  },
  {
    key: `${CONFIGURATION_SECTION}.validation.enable`,
    type: 'boolean',
    default: DEFAULT_SETTINGS.validation.enable,
    description: 'Report problems in Kubernetes manifests.',
    category: 'Validation',
    scope: 'resource',
  },
  {
    key: `${CONFIGURATION_SECTION}.rules`,
    type: 'object',
    default: DEFAULT_SETTINGS.rules,
    description:
      'Severity per diagnostic code, overriding its default: off, hint, warning or error.',
    category: 'Validation',
    scope: 'resource',
    additionalProperties: { type: 'string', enum: RULE_SEVERITIES },
  },
  {
    key: `${CONFIGURATION_SECTION}.scope`,
    type: 'string',
    default: DEFAULT_SETTINGS.scope,
    description:
      "What is checked and simulated together: auto (the nearest kustomization folder, else the workspace folder), the whole workspace folder, the file's folder, or the file alone.",
    category: 'Validation',
    scope: 'resource',
    enum: SCOPE_MODES,
    enumDescriptions: [
      'The nearest ancestor folder with a kustomization.yaml (the files its resources name), else the workspace folder.',
      'Every YAML file of the workspace folder.',
      "The YAML files of the file's own folder.",
      'The file alone.',
    ],
  },
  {
    key: `${CONFIGURATION_SECTION}.clusterFile`,
    type: 'string',
    default: DEFAULT_SETTINGS.clusterFile,
    description:
      'The cluster to simulate on, relative to the workspace folder (see the cluster file format in the README). The default cluster is used when the file does not exist.',
    category: 'Validation',
    scope: 'resource',
  },
  {
    key: `${CONFIGURATION_SECTION}.hover.enable`,
    type: 'boolean',
    default: DEFAULT_SETTINGS.hover.enable,
    description: 'Show the documentation of Kubernetes fields on hover.',
    category: 'Editing',
    scope: 'resource',
  },
  {
    key: `${CONFIGURATION_SECTION}.completion.enable`,
    type: 'boolean',
    default: DEFAULT_SETTINGS.completion.enable,
    description: 'Suggest Kubernetes fields and values while typing.',
    category: 'Editing',
    scope: 'resource',
  },
  {
    key: `${CONFIGURATION_SECTION}.trace.server`,
    type: 'string',
    default: DEFAULT_SETTINGS.trace.server,
    description:
      'Trace the communication between VS Code and the Slipway language server in the "Slipway Trace" output channel.',
    category: 'Advanced',
    scope: 'window',
    enum: TRACE_LEVELS,
    enumDescriptions: ['No trace.', 'Trace message names.', 'Trace messages with their content.'],
  },
];

/**
 * Turns what `workspace/configuration` returns for the `slipway` section (normally a nested
 * object such as `{ validation: { enable: false } }`) into {@link SlipwaySettings}.
 *
 * Missing or invalid values get their default; invalid entries of `rules` and `exclude` are
 * dropped one by one. Never throws, whatever `raw` is. Always returns fresh objects.
 */
export function normalizeSettings(raw: unknown): SlipwaySettings {
  const read = (...path: string[]): unknown => readSetting(raw, path);
  return {
    enable: normalizeBoolean(read('enable'), DEFAULT_SETTINGS.enable),
    validation: {
      enable: normalizeBoolean(read('validation', 'enable'), DEFAULT_SETTINGS.validation.enable),
    },
    hover: { enable: normalizeBoolean(read('hover', 'enable'), DEFAULT_SETTINGS.hover.enable) },
    completion: {
      enable: normalizeBoolean(read('completion', 'enable'), DEFAULT_SETTINGS.completion.enable),
    },
    rules: normalizeRules(read('rules')),
    exclude: normalizeExclude(read('exclude')),
    kubernetesVersion: normalizeKubernetesVersion(read('kubernetesVersion')),
    trace: { server: normalizeTraceLevel(read('trace', 'server')) },
    scope: normalizeScope(read('scope')),
    clusterFile: normalizeClusterFile(read('clusterFile')),
  };
}

function normalizeScope(value: unknown): ScopeSetting {
  return SCOPE_MODES.find((mode) => mode === value) ?? DEFAULT_SETTINGS.scope;
}

function normalizeClusterFile(value: unknown): string {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : DEFAULT_SETTINGS.clusterFile;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readOwn(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Reads `a.b` nested (`{ a: { b } }`) or, failing that, flat (`{ 'a.b': … }`). */
function readSetting(raw: unknown, path: readonly string[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    current = isRecord(current) ? readOwn(current, key) : undefined;
  }
  if (current === undefined && path.length > 1 && isRecord(raw)) {
    return readOwn(raw, path.join('.'));
  }
  return current;
}

function normalizeBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function isRuleSeverity(value: unknown): value is RuleSeverity {
  return RULE_SEVERITIES.some((severity) => severity === value);
}

function normalizeRules(value: unknown): Record<string, RuleSeverity> {
  if (!isRecord(value)) return { ...DEFAULT_SETTINGS.rules };
  const entries: [string, RuleSeverity][] = [];
  for (const [code, severity] of Object.entries(value)) {
    if (code.trim() !== '' && isRuleSeverity(severity)) entries.push([code, severity]);
  }
  // Object.fromEntries defines own properties, so a `__proto__` key cannot touch the prototype.
  return Object.fromEntries(entries);
}

function normalizeExclude(value: unknown): string[] {
  if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.exclude];
  const globs: readonly unknown[] = value;
  return globs.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
}

function normalizeKubernetesVersion(value: unknown): string {
  if (typeof value !== 'string') return DEFAULT_SETTINGS.kubernetesVersion;
  const version = value.trim();
  return new RegExp(KUBERNETES_VERSION_PATTERN).test(version)
    ? version
    : DEFAULT_SETTINGS.kubernetesVersion;
}

function normalizeTraceLevel(value: unknown): TraceLevel {
  const level = TRACE_LEVELS.find((candidate) => candidate === value);
  return level ?? DEFAULT_SETTINGS.trace.server;
}
