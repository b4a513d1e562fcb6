/**
 * Table-driven fixtures for every diagnostic code:
 *   test/fixtures/invalid/<code>/<name>.yaml            a document set
 *   test/fixtures/invalid/<code>/<name>.expected.json   exactly the findings it gives
 * A fixture without an .expected.json is a near miss at the boundary and must
 * give no finding at all. Every code in the registry needs at least one of each.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { listCodes } from '../../../server/src/core/diagnostics/code-registry';
import type { Range } from '../../../server/src/core/text/range';
import { coreContext, REPO_ROOT } from '../../support/core-context';

interface ExpectedFinding {
  code: string;
  range: Range;
  /** A substring of the message. */
  message: string;
  severity?: string;
}

const FIXTURES = join(REPO_ROOT, 'test/fixtures/invalid');

/**
 * Codes whose inputs are not manifests of their own: built in code (a 9 MiB
 * file, NUL bytes: test/unit/parse/bad-input.test.ts) or a cluster file
 * (test/cli/cli.test.ts).
 */
const GENERATED_INPUT_CODES = new Set(['file-too-large', 'binary-file', 'cluster-file-invalid']);

function fixtureDirs(): string[] {
  return existsSync(FIXTURES)
    ? readdirSync(FIXTURES, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
}

describe('rule fixtures', () => {
  for (const code of fixtureDirs()) {
    const dir = join(FIXTURES, code);
    const yamlFiles = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    for (const file of yamlFiles) {
      const expectedPath = join(dir, file.replace(/\.yaml$/, '.expected.json'));
      const text = readFileSync(join(dir, file), 'utf8');
      if (existsSync(expectedPath)) {
        it(`${code}/${file} reports exactly the expected findings`, () => {
          const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedFinding[];
          const actual = checkText(text, coreContext()).findings;
          const show = actual
            .map((f) => `${f.code} ${JSON.stringify(f.range)} ${f.message}`)
            .join('\n');
          assert.equal(actual.length, expected.length, `findings:\n${show}`);
          expected.forEach((want, index) => {
            const got = actual[index];
            assert.ok(got, `missing finding ${index}`);
            assert.equal(got.code, want.code, `finding ${index} code; all findings:\n${show}`);
            assert.deepEqual(
              got.range,
              want.range,
              `finding ${index} range; all findings:\n${show}`,
            );
            assert.ok(
              got.message.includes(want.message),
              `message "${got.message}" should include "${want.message}"`,
            );
            if (want.severity) assert.equal(got.severity, want.severity);
          });
          assert.ok(
            expected.some((want) => want.code === code),
            `${file} must raise ${code}`,
          );
        });
      } else {
        it(`${code}/${file} is a near miss with no findings`, () => {
          const actual = checkText(text, coreContext()).findings;
          assert.deepEqual(
            actual.map(
              (f) =>
                `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`,
            ),
            [],
          );
        });
      }
    }
  }

  it('every registered code has a failing fixture and a near miss', () => {
    const missing: string[] = [];
    for (const { code, category } of listCodes()) {
      if (GENERATED_INPUT_CODES.has(code) || category === 'cross-resource') continue;
      const dir = join(FIXTURES, code);
      const files = existsSync(dir) ? readdirSync(dir) : [];
      const failing = files.filter((f) => f.endsWith('.expected.json'));
      const passing = files.filter(
        (f) => f.endsWith('.yaml') && !files.includes(f.replace(/\.yaml$/, '.expected.json')),
      );
      if (failing.length === 0 || passing.length === 0) missing.push(code);
    }
    assert.deepEqual(missing, [], 'codes without a failing fixture and a near miss');
  });
});
