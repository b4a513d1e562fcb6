// The "Simulate" CodeLens scan (client/src/panel/kubernetes-documents.ts): one lens per
// Kubernetes document, on its first line of content.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findKubernetesDocumentLines } from '../../client/src/panel/kubernetes-documents';

describe('findKubernetesDocumentLines', () => {
  it('finds each document with a top-level kind', () => {
    const text = [
      '# shop', //                0
      'apiVersion: v1', //        1
      'kind: Service', //         2
      '---', //                   3
      '', //                      4
      'apiVersion: apps/v1', //   5
      'kind: Deployment', //      6
      '--- # third', //           7
      '"kind": ConfigMap', //     8
      'apiVersion: v1', //        9
    ].join('\n');
    assert.deepEqual(findKubernetesDocumentLines(text), [1, 5, 8]);
  });

  it('skips documents without a top-level kind', () => {
    const text = 'a: 1\n---\nspec:\n  kind: Nested\n---\nkind: Pod\n';
    assert.deepEqual(findKubernetesDocumentLines(text), [5]);
  });

  it('handles CRLF, a leading separator and empty documents', () => {
    assert.deepEqual(
      findKubernetesDocumentLines('---\r\nkind: Pod\r\n---\r\n---\r\nkind: Service\r\n'),
      [1, 4],
    );
    assert.deepEqual(findKubernetesDocumentLines(''), []);
    assert.deepEqual(findKubernetesDocumentLines('---\n---\n'), []);
  });

  it('does not split on --- inside a line', () => {
    assert.deepEqual(findKubernetesDocumentLines('kind: Pod\nnote: a---b\n----\n'), [0]);
  });
});
