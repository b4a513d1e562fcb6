import { pathToFileURL } from 'node:url';
import type { CodeInfo } from '../core/diagnostics/code-info';
import type { Severity } from '../core/diagnostics/severity';
import type { Range } from '../core/text/range';
import type { FileFinding } from './check-command';

/**
 * Where each rule's help lives: the README's table of diagnostic codes.
 * A placeholder until the project has its public home; one stable anchor for every code.
 */
export const CODES_HELP_URI = 'https://github.com/slipway-dev/slipway#diagnostic-codes';

const INFORMATION_URI = 'https://github.com/slipway-dev/slipway';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

/** A file that was checked, as the user named it. */
export interface CheckedFile {
  /** The path relative to the working directory (or absolute when outside it). */
  display: string;
  /** Its `file:` URI. */
  uri: string;
}

export interface SarifInput {
  version: string;
  /** Every code of the registry: the run's rules. */
  codes: readonly CodeInfo[];
  /** Every file checked, also those without findings (the run's artifacts). */
  files: readonly CheckedFile[];
  findings: readonly FileFinding[];
  /** The working directory, the base of the relative artifact URIs. */
  cwd: string;
}

/** SARIF's levels: both information and hint are notes. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** `ingress-backend-service-name-invalid` → `IngressBackendServiceNameInvalid`. */
function pascalCase(code: string): string {
  return code
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Ends a sentence with a period, as SARIF messages should. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The artifact URI: relative to the working directory (`%SRCROOT%`), as code scanning
 * expects when `slipway check` runs at the repository root; absolute outside it.
 */
function artifactLocation(uri: string, base: string): { uri: string; uriBaseId?: string } {
  return uri.startsWith(base) ? { uri: uri.slice(base.length), uriBaseId: SOURCE_ROOT } : { uri };
}

/** SARIF regions are 1-based, in UTF-16 code units (as LSP); endColumn is one past the end. */
function region(range: Range): Record<string, number> {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function rule(info: CodeInfo): Record<string, unknown> {
  return {
    id: info.code,
    name: pascalCase(info.code),
    shortDescription: { text: sentence(info.title) },
    fullDescription: { text: sentence(info.title) },
    help: {
      text: `${sentence(info.title)} Example: ${info.example.replace(/\n/g, ' ⏎ ')}`,
      markdown: `${sentence(info.title)}\n\nExample:\n\n\`\`\`yaml\n${info.example}\n\`\`\``,
    },
    helpUri: CODES_HELP_URI,
    defaultConfiguration: { level: LEVEL[info.severity] },
    properties: { category: info.category, tags: ['kubernetes', info.category] },
  };
}

/** Formats `slipway check` findings as a SARIF 2.1.0 log with one run. */
export function formatSarif(input: SarifInput): string {
  const cwdUri = pathToFileURL(input.cwd).href;
  const base = cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/`;
  const ruleIndex = new Map(input.codes.map((info, index) => [info.code, index]));
  const artifacts: CheckedFile[] = [];
  const artifactIndex = new Map<string, number>();
  const addArtifact = (file: CheckedFile): number => {
    const known = artifactIndex.get(file.uri);
    if (known !== undefined) return known;
    artifacts.push(file);
    artifactIndex.set(file.uri, artifacts.length - 1);
    return artifacts.length - 1;
  };
  for (const file of input.files) addArtifact(file);

  const results = input.findings.map((finding) => {
    const index = ruleIndex.get(finding.code);
    const related = finding.related ?? [];
    return {
      ruleId: finding.code,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVEL[finding.severity],
      message: { text: sentence(finding.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              ...artifactLocation(finding.uri, base),
              index: addArtifact({ display: finding.file, uri: finding.uri }),
            },
            region: region(finding.range),
          },
        },
      ],
      ...(related.length > 0
        ? {
            relatedLocations: related.map((location, id) => ({
              id,
              message: { text: sentence(location.message) },
              physicalLocation: {
                artifactLocation: artifactLocation(location.uri, base),
                region: region(location.range),
              },
            })),
          }
        : {}),
    };
  });

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Slipway',
            version: input.version,
            semanticVersion: input.version,
            informationUri: INFORMATION_URI,
            rules: input.codes.map(rule),
          },
        },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { uri: base },
        },
        artifacts: artifacts.map((file) => ({
          location: artifactLocation(file.uri, base),
          mimeType: 'application/yaml',
        })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
