/**
 * The helpers behind the ConfigMap and Secret rules: Go's base64 decoder
 * (offsets as in "illegal base64 data at input byte N"), UTF-8 byte counts
 * and IsConfigMapKey.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  decodeBase64,
  decodeBase64Bytes,
  decodeUtf8,
} from '../../../../server/src/core/validation/base64';
import { utf8ByteLength } from '../../../../server/src/core/validation/byte-length';
import { checkConfigMapKey } from '../../../../server/src/core/validation/config-map-key';

describe('decodeBase64 (Go base64.StdEncoding)', () => {
  const valid: [string, number][] = [
    ['', 0],
    ['QQ==', 1],
    ['QUI=', 2],
    ['QUJD', 3],
    ['QUJD\nREVG\r\n', 6],
    ['QU\nJD', 3],
    ['QQ=\n=', 1],
  ];
  for (const [input, bytes] of valid) {
    it(`accepts ${JSON.stringify(input)} (${bytes} bytes)`, () => {
      assert.deepEqual(decodeBase64(input), { ok: true, bytes });
    });
  }
  const invalid: [string, number][] = [
    ['QQ', 0], // unpadded: the short quantum starts at 0
    ['AQIDBA', 4],
    ['Q', 0],
    ['s3cr3t-Passw0rd!', 6],
    ['QUJD REVG', 4], // a space is not skipped
    ['=QQQ', 0],
    ['Q=QQ', 1],
    ['QQ=', 3], // "not enough padding" reports the input length
    ['QQ=A', 2],
    ['QQ==QUJD', 4], // data after the padding
    ['QUJDé', 4],
  ];
  for (const [input, offset] of invalid) {
    it(`rejects ${JSON.stringify(input)} at byte ${offset}`, () => {
      assert.deepEqual(decodeBase64(input), { ok: false, offset });
    });
  }
});

describe('decodeBase64Bytes', () => {
  it('decodes like Buffer for valid input', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'hello, world', '{"auths":{}}', 'ü€😀']) {
      const encoded = Buffer.from(text, 'utf8').toString('base64');
      const bytes = decodeBase64Bytes(encoded.replace(/(.{8})/g, '$1\n'));
      assert.ok(bytes);
      assert.equal(Buffer.from(bytes).toString('utf8'), text);
      assert.equal(decodeUtf8(bytes), text);
    }
  });
  it('is undefined for invalid input', () => {
    assert.equal(decodeBase64Bytes('not base64!'), undefined);
  });
  it('turns invalid UTF-8 into U+FFFD', () => {
    assert.equal(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62, 0xc3])), 'a\ufffdb\ufffd');
  });
});

describe('utf8ByteLength', () => {
  it('counts like Buffer.byteLength', () => {
    for (const text of ['', 'ascii', 'ü', '€', '😀', 'mixed ü€😀 text']) {
      assert.equal(utf8ByteLength(text), Buffer.byteLength(text, 'utf8'));
    }
  });
});

describe('checkConfigMapKey (IsConfigMapKey)', () => {
  it('accepts config keys', () => {
    for (const key of [
      'a',
      'key.name',
      'KEY_NAME',
      'key-name',
      '.env',
      '.dockerconfigjson',
      'k'.repeat(253),
    ]) {
      assert.deepEqual(checkConfigMapKey(key), [], key);
    }
  });
  it('rejects bad keys', () => {
    assert.match(checkConfigMapKey('a b').join(), /a valid config key/);
    assert.match(checkConfigMapKey('').join(), /a valid config key/);
    assert.match(checkConfigMapKey('k'.repeat(254)).join(), /no more than 253/);
    assert.deepEqual(checkConfigMapKey('.'), ["must not be '.'"]);
    assert.deepEqual(checkConfigMapKey('..'), ["must not be '..'"]);
    assert.deepEqual(checkConfigMapKey('..data'), ["must not start with '..'"]);
  });
});
