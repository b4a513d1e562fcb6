/**
 * Ingress path matching: the Kubernetes documentation's "Examples" table
 * (concepts/services-networking/ingress, "Path types" → "Examples"), as
 * pkg/apis/networking/types.go defines Exact and Prefix. The rows with several
 * paths are routed through a real Ingress, since they test precedence.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { matchesPath } from '../../../../server/src/core/simulation/ingress/match-path';
import type { IngressPathType } from '../../../../server/src/core/simulation/ingress/ingress-view';
import { routeRequest } from '../../../../server/src/core/simulation/ingress/route-request';
import { simulateIngresses } from '../../../../server/src/core/simulation/ingress/simulate-ingresses';
import { simulateServices } from '../../../../server/src/core/simulation/networking/simulate-services';
import { cluster, objectsFrom } from '../networking/sim-support';

const SINGLE: [IngressPathType, string, string[], boolean][] = [
  ['Prefix', '/', ['/', '/anything', '/a/b/c'], true],
  ['Exact', '/foo', ['/foo'], true],
  ['Exact', '/foo', ['/bar'], false],
  ['Exact', '/foo', ['/foo/'], false],
  ['Exact', '/foo/', ['/foo'], false],
  ['Prefix', '/foo', ['/foo', '/foo/'], true],
  ['Prefix', '/foo/', ['/foo', '/foo/'], true],
  ['Prefix', '/aaa/bb', ['/aaa/bbb'], false],
  ['Prefix', '/aaa/bbb', ['/aaa/bbb'], true],
  ['Prefix', '/aaa/bbb/', ['/aaa/bbb'], true], // ignores trailing slash
  ['Prefix', '/aaa/bbb', ['/aaa/bbb/'], true], // matches trailing slash
  ['Prefix', '/aaa/bbb', ['/aaa/bbb/ccc'], true], // matches subpath
  ['Prefix', '/aaa/bbb', ['/aaa/bbbxyz'], false], // does not match string prefix
  ['Prefix', '/aaa', ['/ccc'], false], // uses default backend
];

describe('path matching: the docs "Examples" table, one path', () => {
  for (const [pathType, path, requests, expected] of SINGLE) {
    for (const request of requests) {
      it(`${pathType} ${path} ${expected ? 'matches' : 'does not match'} ${request}`, () => {
        assert.equal(matchesPath(path, pathType, request), expected);
      });
    }
  }

  it('matches case-sensitively (Prefix /Foo does not match /foo)', () => {
    assert.equal(matchesPath('/Foo', 'Prefix', '/foo'), false);
  });

  it('in ingress-nginx regex mode, matches ^path case-insensitively (so /testpath matches /TestPathology)', () => {
    assert.equal(matchesPath('/testpath', 'Prefix', '/TestPathology', true), true);
    assert.equal(
      matchesPath('/something(/|$)(.*)', 'ImplementationSpecific', '/something/new', true),
      true,
    );
  });
});

/** An Ingress with one backend Service per path; the winner is read from the route's Service. */
function routeAmong(paths: [string, IngressPathType][], request: string): string | null {
  const services = paths.map(
    (_, i) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  ports:\n  - port: 80\n`,
  );
  const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: table
spec:
  rules:
  - http:
      paths:
${paths
  .map(
    ([path, type], i) =>
      `      - path: ${path}\n        pathType: ${type}\n        backend:\n          service:\n            name: svc-${i}\n            port:\n              number: 80`,
  )
  .join('\n')}
`;
  const objects = objectsFrom([...services, ingress].join('---\n'));
  const c = cluster();
  const { services: svc } = simulateServices(objects, [], c);
  const { ingresses } = simulateIngresses(objects, svc, c);
  const result = routeRequest(
    `http://172.18.0.3${request}`,
    { cluster: c, services: svc, ingresses, pods: [] },
    objects,
  );
  if (result.via === null) return null;
  const index = Number(result.service?.split('svc-')[1]);
  return paths[index]?.[0] === undefined ? null : `${paths[index][0]} (${paths[index][1]})`;
}

describe('path precedence: the docs "Examples" table, several paths (longest first, Exact before Prefix)', () => {
  it('/, /aaa: /aaa/ccc matches the /aaa prefix', () => {
    assert.equal(
      routeAmong(
        [
          ['/', 'Prefix'],
          ['/aaa', 'Prefix'],
        ],
        '/aaa/ccc',
      ),
      '/aaa (Prefix)',
    );
  });
  it('/, /aaa, /aaa/bbb: /aaa/bbb matches the /aaa/bbb prefix', () => {
    assert.equal(
      routeAmong(
        [
          ['/', 'Prefix'],
          ['/aaa', 'Prefix'],
          ['/aaa/bbb', 'Prefix'],
        ],
        '/aaa/bbb',
      ),
      '/aaa/bbb (Prefix)',
    );
  });
  it('/, /aaa, /aaa/bbb: /ccc matches the / prefix', () => {
    assert.equal(
      routeAmong(
        [
          ['/', 'Prefix'],
          ['/aaa', 'Prefix'],
          ['/aaa/bbb', 'Prefix'],
        ],
        '/ccc',
      ),
      '/ (Prefix)',
    );
  });
  it('/aaa alone: /ccc matches nothing (the default backend would take it)', () => {
    assert.equal(routeAmong([['/aaa', 'Prefix']], '/ccc'), null);
  });
  it('/foo Prefix and /foo Exact: /foo prefers Exact, in either order', () => {
    assert.equal(
      routeAmong(
        [
          ['/foo', 'Prefix'],
          ['/foo', 'Exact'],
        ],
        '/foo',
      ),
      '/foo (Exact)',
    );
    assert.equal(
      routeAmong(
        [
          ['/foo', 'Exact'],
          ['/foo', 'Prefix'],
        ],
        '/foo',
      ),
      '/foo (Exact)',
    );
    assert.equal(
      routeAmong(
        [
          ['/foo', 'Exact'],
          ['/foo', 'Prefix'],
        ],
        '/foo/bar',
      ),
      '/foo (Prefix)',
    );
  });
});
