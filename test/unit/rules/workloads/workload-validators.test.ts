import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  checkConfigMapKey,
  checkLocalNonReservedPath,
  checkPercent,
  checkRelaxedEnvVarName,
  isIpAddress,
} from '../../../../server/src/core/validation/workload-validators';

describe('workload validators', () => {
  it('isIpAddress follows IsValidIP', () => {
    for (const ip of [
      '10.0.0.1',
      '192.0.2.255',
      '::1',
      '2001:db8::ffff',
      'fe80::1',
      '::ffff:192.0.2.1',
      '1:2:3:4:5:6:7:8',
    ]) {
      assert.ok(isIpAddress(ip), ip);
    }
    for (const ip of [
      '256.0.0.1',
      '10.0.0',
      'dns.example',
      '1:2:3:4:5:6:7:8:9',
      '2001:db8:::1',
      '1::2::3',
      '',
    ]) {
      assert.ok(!isIpAddress(ip), ip);
    }
  });
  it('checkRelaxedEnvVarName allows printable ASCII except =', () => {
    assert.deepEqual(checkRelaxedEnvVarName('1st value ~!'), []);
    assert.equal(checkRelaxedEnvVarName('A=B').length, 1);
    assert.equal(checkRelaxedEnvVarName('tab\there').length, 1);
    assert.equal(checkRelaxedEnvVarName('café').length, 1);
    assert.equal(checkRelaxedEnvVarName('').length, 1);
  });
  it('checkLocalNonReservedPath rejects absolute paths and ..', () => {
    assert.deepEqual(checkLocalNonReservedPath('a/b..c'), []);
    assert.deepEqual(checkLocalNonReservedPath('/etc/x'), ['must be a relative path']);
    assert.deepEqual(checkLocalNonReservedPath('a/../b'), ["must not contain '..'"]);
    assert.deepEqual(checkLocalNonReservedPath('..data'), ["must not start with '..'"]);
  });
  it('checkPercent and checkConfigMapKey', () => {
    assert.deepEqual(checkPercent('25%'), []);
    assert.equal(checkPercent('25').length, 1);
    assert.deepEqual(checkConfigMapKey('app.properties'), []);
    assert.equal(checkConfigMapKey('my key').length, 1);
    assert.deepEqual(checkConfigMapKey('..x'), ["must not start with '..'"]);
  });
});
