import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  checkDomainPrefixedPath,
  checkPathSegmentName,
  nameIsDns1035Label,
  nameIsDnsLabel,
  nameIsDnsSubdomain,
  nameIsPathSegment,
} from '../../../../server/src/core/validation/object-name-validators';

describe('object name functions', () => {
  it('allow a trailing dash in a generateName prefix only', () => {
    assert.deepEqual(nameIsDnsSubdomain('web-', true), []);
    assert.notDeepEqual(nameIsDnsSubdomain('web-', false), []);
    assert.deepEqual(nameIsDnsLabel('web-', true), []);
    assert.deepEqual(nameIsDns1035Label('web-', true), []);
  });
  it('mask the trailing dash as apimachinery does (drop two characters, add "a")', () => {
    // "a.-" masks to "aa": the '.' goes with the dash.
    assert.deepEqual(nameIsDnsSubdomain('a.-', true), []);
    // "xA-" masks to "xa": the upper-case letter goes with the dash.
    assert.deepEqual(nameIsDnsSubdomain('xA-', true), []);
    assert.notDeepEqual(nameIsDnsSubdomain('-', true), []);
  });
  it('distinguish Service (DNS-1035) from RFC 1123 labels', () => {
    assert.notDeepEqual(nameIsDns1035Label('1st-svc', false), []);
    assert.deepEqual(nameIsDnsLabel('1st-svc', false), []);
    assert.notDeepEqual(nameIsDnsLabel('rootSvc', false), []);
  });
  it('check path segments', () => {
    assert.deepEqual(checkPathSegmentName('system:controller:Foo Bar'), []);
    assert.deepEqual(checkPathSegmentName('..'), ["may not be '..'"]);
    assert.deepEqual(checkPathSegmentName('a/b%c'), ["may not contain '/'", "may not contain '%'"]);
    assert.deepEqual(nameIsPathSegment('..', true), []);
  });
  it('check domain-prefixed paths', () => {
    assert.deepEqual(checkDomainPrefixedPath('k8s.io/ingress-nginx'), []);
    assert.deepEqual(checkDomainPrefixedPath('example.com/a/b:c'), []);
    assert.equal(checkDomainPrefixedPath('nginx').length, 1);
    assert.equal(checkDomainPrefixedPath('/nginx').length, 1);
    assert.equal(checkDomainPrefixedPath('k8s.io/').length, 1);
    assert.equal(checkDomainPrefixedPath('K8S.io/nginx').length, 1);
    assert.equal(checkDomainPrefixedPath('k8s.io/a b').length, 1);
  });
});
