import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  checkCidr,
  cidrContains,
  parseCidr,
  parseIp,
} from '../../../../server/src/core/validation/ip-validators';

describe('parseIp', () => {
  for (const valid of [
    '10.0.0.1',
    '010.000.000.001',
    '255.255.255.255',
    '::',
    '::1',
    '2001:db8::ffff',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7::',
    '::ffff:10.0.0.1',
    'FD00:10:96::20',
  ]) {
    it(`accepts ${valid}`, () => assert.ok(parseIp(valid)));
  }
  for (const invalid of [
    '',
    'None',
    '10.0.0',
    '10.0.0.256',
    '10.0.0.1.2',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '12345::',
    ':1',
    '1:',
    '10.0.0.1::',
    'fe80::1%eth0',
    'example.com',
  ]) {
    it(`rejects ${JSON.stringify(invalid)}`, () => assert.equal(parseIp(invalid), undefined));
  }
  it('reads the bytes', () => {
    assert.deepEqual(parseIp('10.1.2.3'), [10, 1, 2, 3]);
    assert.deepEqual(parseIp('::ffff:10.0.0.1')?.slice(10), [0xff, 0xff, 10, 0, 0, 1]);
  });
});

describe('CIDRs', () => {
  it('parses and rejects', () => {
    assert.deepEqual(parseCidr('10.0.0.0/8'), { bytes: [10, 0, 0, 0], prefix: 8 });
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseCidr('10.0.0.0'), undefined);
    assert.ok(parseCidr('2001:db8::/64'));
    assert.equal(parseCidr('2001:db8::/129'), undefined);
    assert.deepEqual(checkCidr('10.0.0.0/24'), []);
    assert.equal(checkCidr('10.0.0.0/x').length, 1);
  });
  it('tests containment by the outer prefix', () => {
    const outer = parseCidr('172.17.0.0/16');
    const inside = parseCidr('172.17.1.0/24');
    const outside = parseCidr('172.18.1.0/24');
    const v6 = parseCidr('2001:db8::/64');
    assert.ok(outer && inside && outside && v6);
    assert.equal(cidrContains(outer, inside), true);
    assert.equal(cidrContains(outer, outside), false);
    assert.equal(cidrContains(outer, v6), false);
  });
});
