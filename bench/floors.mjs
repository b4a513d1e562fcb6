// The floors: what parsing and schema validation alone cost on the same manifest, in this
// process, with no language server and no LSP around them. Adapted from the reference
// harness's floors.mjs (../shared/bench/floors.mjs).
//
//   parse     yaml parseAllDocuments(text, { lineCounter }) — what a server needs for ranges
//   toJS      doc.toJS() of every document (the plain objects a validator sees)
//   compile   a fresh Ajv 8 with the standalone-strict _definitions.json, compiling one
//             validator per kind that occurs in the file (reported apart: a server pays it
//             once, not per check)
//   validate  ajv validating every document with the validator of its apiVersion + kind
//   oneDoc    parse + toJS + validate of the middle Deployment alone: the floor of an edit
//             that re-checks only the document it touched
// Each is the median of `iterations` runs.
import { performance } from 'node:perf_hooks';
import { parseAllDocuments, parseDocument, LineCounter } from 'yaml';
import Ajv from 'ajv';

const median = (xs) => {
  const a = [...xs].sort((p, q) => p - q);
  const h = a.length >> 1;
  return a.length % 2 ? a[h] : (a[h - 1] + a[h]) / 2;
};

function measure(iterations, fn) {
  const ts = [];
  let result;
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    result = fn();
    ts.push(performance.now() - t);
  }
  return { ms: median(ts), result };
}

const gvkKey = (apiVersion, kind) => `${apiVersion}/${kind}`;

/** validators by apiVersion/kind for the kinds in `used` */
function compileUsed(defs, used) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  ajv.addSchema(defs, 'defs');
  const byGvk = new Map();
  for (const [name, d] of Object.entries(defs.definitions)) {
    const keys = (d['x-kubernetes-group-version-kind'] ?? []).map((g) =>
      gvkKey(g.group ? `${g.group}/${g.version}` : g.version, g.kind),
    );
    if (!d.properties?.kind || !keys.some((k) => used.has(k))) continue;
    const validate = ajv.compile({ $ref: `defs#/definitions/${name}` });
    for (const k of keys) byGvk.set(k, validate);
  }
  return byGvk;
}

function validateAll(byGvk, objects) {
  let invalid = 0;
  let unknownKind = 0;
  for (const o of objects) {
    const v = byGvk.get(gvkKey(o?.apiVersion, o?.kind));
    if (!v) unknownKind++;
    else if (!v(o)) invalid++;
  }
  return { invalid, unknownKind };
}

/**
 * @param gen       the generator's result (text, docStart, probes)
 * @param defsText  the standalone-strict _definitions.json, as text
 */
export function measureFloors(gen, defsText, iterations = 5) {
  const parse = measure(iterations, () => {
    const lineCounter = new LineCounter();
    return parseAllDocuments(gen.text, { lineCounter });
  });
  const docs = parse.result;
  const toJS = measure(iterations, () => docs.map((d) => d.toJS()));
  const objects = toJS.result;
  const used = new Set(objects.map((o) => gvkKey(o?.apiVersion, o?.kind)));
  // JSON.parse of the definitions included: a server reads them too
  const compile = measure(Math.min(iterations, 3), () => compileUsed(JSON.parse(defsText), used));
  const byGvk = compile.result;
  const validate = measure(iterations, () => validateAll(byGvk, objects));
  const lines = gen.text.split('\n');
  const d = gen.probes.change.doc;
  const oneText = lines
    .slice(gen.docStart[d], d + 1 < gen.docStart.length ? gen.docStart[d + 1] - 1 : lines.length)
    .join('\n');
  const oneDoc = measure(iterations, () => {
    const lineCounter = new LineCounter();
    return validateAll(byGvk, [parseDocument(oneText, { lineCounter }).toJS()]);
  });
  return {
    iterations,
    parseMs: parse.ms,
    toJSMs: toJS.ms,
    compileMs: compile.ms,
    validators: new Set(byGvk.values()).size,
    validateMs: validate.ms,
    oneDocMs: oneDoc.ms,
    invalidDocs: validate.result.invalid,
    unknownKindDocs: validate.result.unknownKind,
  };
}
