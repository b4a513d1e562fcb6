/**
 * Host matching: the Kubernetes documentation's "Hostname wildcards" table
 * (concepts/services-networking/ingress) and pkg/apis/networking/types.go
 * IngressRule.Host: a wildcard covers exactly one DNS label.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { matchHost } from '../../../../server/src/core/simulation/ingress/match-host';

describe('host matching', () => {
  it('*.foo.com matches bar.foo.com (shared suffix)', () => {
    assert.equal(matchHost('*.foo.com', 'bar.foo.com'), 'wildcard');
  });
  it('*.foo.com does not match baz.bar.foo.com (a wildcard covers one DNS label)', () => {
    assert.equal(matchHost('*.foo.com', 'baz.bar.foo.com'), undefined);
  });
  it('*.foo.com does not match foo.com (a wildcard covers one DNS label)', () => {
    assert.equal(matchHost('*.foo.com', 'foo.com'), undefined);
  });
  it('a precise host matches only itself, case-insensitively', () => {
    assert.equal(matchHost('foo.bar.com', 'foo.bar.com'), 'exact');
    assert.equal(matchHost('foo.bar.com', 'FOO.bar.com'), 'exact');
    assert.equal(matchHost('foo.bar.com', 'bar.com'), undefined);
  });
});
