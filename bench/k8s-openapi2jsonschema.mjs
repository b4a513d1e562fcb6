#!/usr/bin/env node
// Copied from the reference harness (../shared/bench/k8s-openapi2jsonschema.mjs) unchanged but
// for this note; run.mjs imports convert() and writes the schemas into the git-ignored data/.
//
// Convert a Kubernetes OpenAPI v2 spec (api/openapi-spec/swagger.json) into the
// "standalone-strict" all.json + _definitions.json pair that yaml-language-server
// expects for Kubernetes (the layout of yannh/kubernetes-json-schema
// vX.Y.Z-standalone-strict/, produced by openapi2jsonschema --kubernetes --strict).
//
// What it does, mirroring openapi2jsonschema (instrumenta, Apache-2.0) for Swagger 2.0:
//   * _definitions.json = {"definitions": <swagger definitions>} with
//       - io.k8s.apimachinery.pkg.util.intstr.IntOrString -> oneOf [string, integer]
//       - io.k8s.apimachinery.pkg.api.resource.Quantity    -> oneOf [string, number]
//       - for every definition carrying x-kubernetes-group-version-kind, "kind"
//         gets an enum of its kind(s) (apiVersion is left free, as in the
//         published standalone-strict files)
//       - strict: every schema object that has "properties" and no
//         "additionalProperties" gets additionalProperties: false
//     $refs inside stay "#/definitions/<name>", so the file is self-contained.
//   * all.json = {"oneOf": [{"$ref": "_definitions.json#/definitions/<name>"}, ...]}
//     listing EVERY definition (exactly as openapi2jsonschema does); the refs are
//     relative, so all.json resolves against the _definitions.json beside it.
//
//   * kinds.json = the same oneOf restricted to top-level kinds (not in openapi2jsonschema; see below)
//
// Usage: node k8s-openapi2jsonschema.mjs swagger.json OUTDIR [--single]
//   --single also writes k8s-all-in-one.json: the same oneOf with the definitions
//   embedded ("#/definitions/..." refs), a single self-contained file.
import fs from 'node:fs';
import path from 'node:path';

function additionalPropertiesStrict(node) {
  // like openapi2jsonschema: walk dict values only (lists are left untouched)
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const v of Object.values(node)) {
      if (
        v &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        'properties' in v &&
        !('additionalProperties' in v)
      ) {
        v.additionalProperties = false;
      }
      additionalPropertiesStrict(v);
    }
  }
  return node;
}

function appendNoDuplicates(obj, key, value) {
  if (!Array.isArray(obj[key])) obj[key] = [];
  if (!obj[key].includes(value)) obj[key].push(value);
}

export function convert(spec) {
  if (!spec.swagger || !String(spec.swagger).startsWith('2')) {
    throw new Error('expected a Swagger 2.0 (OpenAPI v2) document');
  }
  const definitions = spec.definitions;
  definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = {
    oneOf: [{ type: 'string' }, { type: 'integer' }],
  };
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = {
    oneOf: [{ type: 'string' }, { type: 'number' }],
  };
  let kinds = 0;
  for (const def of Object.values(definitions)) {
    const gvks = def['x-kubernetes-group-version-kind'];
    if (!gvks || !def.properties) continue;
    for (const gvk of gvks) {
      if (def.properties.kind) {
        appendNoDuplicates(def.properties.kind, 'enum', gvk.kind);
      }
    }
    if (def.properties.kind) kinds++;
  }
  // openapi2jsonschema's additional_properties() is applied to the *values* of the
  // definitions map (so every definition with properties, and nested ones).
  additionalPropertiesStrict(definitions);
  const titles = Object.keys(definitions);
  const all = { oneOf: titles.map((t) => ({ $ref: `_definitions.json#/definitions/${t}` })) };
  // Not produced by openapi2jsonschema: the same oneOf restricted to the top-level
  // kinds (definitions that carry x-kubernetes-group-version-kind and a "kind"
  // property). all.json also lists helper definitions such as RawExtension or
  // apiextensions JSON that accept any object; a generic JSON-schema validator
  // then sees several matching branches, which only yaml-language-server's
  // Kubernetes mode (the "kubernetes" keyword) knows to ignore.
  const kindTitles = titles.filter(
    (t) => definitions[t]['x-kubernetes-group-version-kind'] && definitions[t].properties?.kind,
  );
  const kindsOnly = {
    oneOf: kindTitles.map((t) => ({ $ref: `_definitions.json#/definitions/${t}` })),
  };
  return { definitions: { definitions }, all, kindsOnly, kinds, count: titles.length };
}

if (
  import.meta.url === `file://${process.argv[1]}` ||
  process.argv[1]?.endsWith('k8s-openapi2jsonschema.mjs')
) {
  const [, , input, outDir, ...rest] = process.argv;
  if (!input || !outDir) {
    console.error('usage: node k8s-openapi2jsonschema.mjs swagger.json OUTDIR [--single]');
    process.exit(2);
  }
  const spec = JSON.parse(fs.readFileSync(input, 'utf8'));
  const { definitions, all, kindsOnly, kinds, count } = convert(spec);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, '_definitions.json'),
    JSON.stringify(definitions, null, 2) + '\n',
  );
  fs.writeFileSync(path.join(outDir, 'all.json'), JSON.stringify(all, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'kinds.json'), JSON.stringify(kindsOnly, null, 2) + '\n');
  if (rest.includes('--single')) {
    const single = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      oneOf: all.oneOf.map((r) => ({ $ref: r.$ref.replace('_definitions.json#', '#') })),
      definitions: definitions.definitions,
    };
    fs.writeFileSync(path.join(outDir, 'k8s-all-in-one.json'), JSON.stringify(single) + '\n');
  }
  console.log(
    `wrote ${outDir}/all.json (${count} oneOf entries), kinds.json (${kindsOnly.oneOf.length} entries) and _definitions.json (${kinds} definitions with a kind enum)`,
  );
}
