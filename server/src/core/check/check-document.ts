import { CORE_CODES } from '../diagnostics/core-codes';
import type { CodeInfo } from '../diagnostics/code-info';
import type { Finding } from '../diagnostics/finding';
import { isJsonObject, type JsonObject, type JsonPath } from '../model/json';
import { createManifest, type Manifest } from '../model/manifest';
import type { SourceMap } from '../model/source-map';
import type { ParsedDocument } from '../parse/parsed-document';
import { rulesFor, type RuleContext } from '../rules/rule';
import { schemaErrorsToFindings } from '../schema/schema-findings';
import type { CheckContext } from './check-context';
import { stripNulls } from './strip-nulls';

/** The outcome of checking one YAML document. */
export interface DocumentCheck {
  findings: Finding[];
  /** The Kubernetes objects it holds (one, or the items of a List). */
  manifests: Manifest[];
  /** True when the document is a Kubernetes object (has apiVersion or kind). */
  kubernetes: boolean;
  /** Set when the document is not a mapping: reported only if the file holds Kubernetes objects. */
  notAnObject?: Finding;
}

function report(info: CodeInfo, message: string, range: Finding['range']): Finding {
  return { code: info.code, severity: info.severity, message, range };
}

/** Schema and rules for one object with a known kind. */
function checkKnownManifest(
  manifest: Manifest,
  definition: string,
  context: CheckContext,
): Finding[] {
  const { registry } = context;
  const errors = registry.validator.validate(definition, stripNulls(manifest.body));
  const findings = schemaErrorsToFindings(manifest, errors, (path) =>
    registry.propertiesAt(definition, path),
  );
  const ruleContext: RuleContext = {
    manifest,
    report: (r) =>
      findings.push({
        code: r.code.code,
        severity: r.severity ?? r.code.severity,
        message: r.message,
        range: manifest.locate(r.path, r.target ?? 'key'),
      }),
  };
  for (const rule of rulesFor(context.rules, manifest)) {
    try {
      rule.check(ruleContext);
    } catch {
      // A rule that trips on an odd shape must not hide the other findings;
      // the schema findings already describe what is malformed.
    }
  }
  return findings;
}

/** Classifies one object and checks it; adds it (or a List's items) to `manifests`. */
function checkObject(
  body: JsonObject,
  basePath: JsonPath,
  sourceMap: SourceMap,
  documentRange: Finding['range'],
  context: CheckContext,
  findings: Finding[],
  manifests: Manifest[],
): void {
  const manifest = createManifest(body, basePath, sourceMap, documentRange);
  const hasApiVersion = body.apiVersion !== undefined && body.apiVersion !== null;
  const hasKind = body.kind !== undefined && body.kind !== null;
  if (!hasApiVersion && !hasKind) return;
  if (!hasApiVersion) {
    findings.push(
      report(
        CORE_CODES.missingApiVersion,
        `${typeof body.kind === 'string' ? body.kind : JSON.stringify(body.kind)} has no apiVersion; add the apiVersion of its API group (e.g. "v1" or "apps/v1")`,
        manifest.locate(['kind'], 'key'),
      ),
    );
    return;
  }
  if (!hasKind) {
    findings.push(
      report(
        CORE_CODES.missingKind,
        `the object has apiVersion ${JSON.stringify(body.apiVersion)} but no kind`,
        manifest.locate(['apiVersion'], 'key'),
      ),
    );
    return;
  }
  if (typeof body.apiVersion !== 'string' || typeof body.kind !== 'string') {
    const field = typeof body.apiVersion !== 'string' ? 'apiVersion' : 'kind';
    findings.push(
      report(
        CORE_CODES.wrongType,
        `${field}: expected string, got ${typeof body[field]}`,
        manifest.locate([field], 'value'),
      ),
    );
    return;
  }

  if (manifest.kind === 'List' && manifest.apiVersion === 'v1') {
    const items = body.items;
    if (!Array.isArray(items)) {
      findings.push(
        report(
          CORE_CODES.requiredField,
          'a List needs "items": a list of objects',
          manifest.locate(['kind'], 'key'),
        ),
      );
      return;
    }
    items.forEach((item, index) => {
      const itemPath = [...basePath, 'items', index];
      if (!isJsonObject(item)) {
        findings.push(
          report(
            CORE_CODES.notAnObject,
            `items[${index}] is not an object`,
            sourceMap.range(itemPath),
          ),
        );
        return;
      }
      checkObject(item, itemPath, sourceMap, documentRange, context, findings, manifests);
    });
    return;
  }

  const lookup = context.registry.catalog.lookup(manifest.apiVersion, manifest.kind);
  switch (lookup.status) {
    case 'known':
      findings.push(...checkKnownManifest(manifest, lookup.definition, context));
      break;
    case 'removed': {
      const { removed, replacementKnown } = lookup;
      const instead = removed.replacement
        ? replacementKnown
          ? `; use apiVersion: ${removed.replacement}`
          : `; use ${removed.replacement} (check the kind's new shape)`
        : removed.note
          ? `; ${removed.note}`
          : '';
      findings.push(
        report(
          CORE_CODES.removedApiVersion,
          `${manifest.apiVersion} ${manifest.kind} was removed in Kubernetes ${removed.removedIn}${instead}`,
          manifest.locate(['apiVersion'], 'value'),
        ),
      );
      break;
    }
    case 'unknown': {
      const message =
        lookup.knownVersions.length > 0
          ? `${manifest.kind} is not served at ${manifest.apiVersion}; known: ${lookup.knownVersions.map((v) => `apiVersion: ${v}`).join(', ')}`
          : `${manifest.apiVersion} has no kind ${JSON.stringify(manifest.kind)}${lookup.suggestion ? `; did you mean "${lookup.suggestion}"?` : ''}`;
      const at = lookup.knownVersions.length > 0 ? 'apiVersion' : 'kind';
      findings.push(report(CORE_CODES.unknownKind, message, manifest.locate([at], 'value')));
      break;
    }
    case 'custom':
      break;
  }
  manifests.push(manifest);
}

/** Checks one parsed document: classification, schema, API-server rules. Never throws on input. */
export function checkParsedDocument(parsed: ParsedDocument, context: CheckContext): DocumentCheck {
  const findings = [...parsed.findings];
  // Data read from broken YAML is unreliable: the syntax error is the one root cause to report.
  const broken = findings.some((finding) => finding.code === CORE_CODES.yamlSyntax.code);
  if (parsed.empty || parsed.value === undefined || broken) {
    return { findings, manifests: [], kubernetes: false };
  }
  const [start, end] = parsed.range;
  const documentRange = parsed.sourceMap.offsetsRange(start, end);
  const sourceMap = parsed.sourceMap;
  if (!isJsonObject(parsed.value)) {
    return {
      findings,
      manifests: [],
      kubernetes: false,
      notAnObject: report(
        CORE_CODES.notAnObject,
        `expected a Kubernetes object (a mapping with apiVersion and kind), got ${Array.isArray(parsed.value) ? 'a list' : 'a scalar'}`,
        sourceMap.range([]),
      ),
    };
  }
  const manifests: Manifest[] = [];
  checkObject(parsed.value, [], sourceMap, documentRange, context, findings, manifests);
  const body = parsed.value;
  const kubernetes = body.apiVersion !== undefined || body.kind !== undefined;
  return { findings, manifests, kubernetes };
}
