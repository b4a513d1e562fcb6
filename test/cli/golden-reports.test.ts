/**
 * The golden reports of test/fixtures/reports/ are exactly what the built
 * `slipway simulate --json` prints on each examples folder (URIs made
 * repository-relative). The webview tests load them as real reports, so a
 * change of the simulator's output shows up here first.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  GOLDEN_CASES,
  goldenPath,
  goldenReportText,
  stableUris,
  STABLE_EXAMPLES_URI,
} from '../../scripts/update-golden';

/** The first line where two texts differ, for a message a reader can act on. */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      return `line ${i + 1}: fixture has ${JSON.stringify(want[i] ?? '(end of file)')}, the CLI prints ${JSON.stringify(got[i] ?? '(end of output)')}`;
    }
  }
  return 'no difference';
}

describe('golden simulation reports (test/fixtures/reports)', () => {
  for (const { name, path } of GOLDEN_CASES) {
    it(`${name}.json is the output of slipway simulate --json ${path}`, () => {
      const file = goldenPath(name);
      assert.ok(existsSync(file), `${file} is missing: run npm run build && npm run update-golden`);
      const fixture = readFileSync(file, 'utf8');
      const fresh = goldenReportText(path);
      assert.ok(
        fixture === fresh,
        `test/fixtures/reports/${name}.json is stale (${firstDifference(fixture, fresh)}). ` +
          'If the change is intended, run npm run build && npm run update-golden and review the diff.',
      );
    });
  }

  it('the fixtures name no path of the machine that wrote them', () => {
    for (const { name } of GOLDEN_CASES) {
      const text = readFileSync(goldenPath(name), 'utf8');
      const uris = [...text.matchAll(/"(file:\/\/[^"]*)"/g)].map((m) => m[1] ?? '');
      assert.ok(uris.length > 0, `${name}.json has source URIs`);
      for (const uri of uris) assert.ok(uri.startsWith(STABLE_EXAMPLES_URI), `${name}: ${uri}`);
    }
  });

  it('stableUris rewrites only the examples prefix and refuses any other file URI', () => {
    assert.equal(stableUris('{"a": 1}'), '{"a": 1}');
    assert.throws(() => stableUris('{"uri": "file:///home/someone/x.yaml"}'), /machine-specific/);
  });
});
