/**
 * `slipway lsp --stdio` must start exactly one server: two servers on one
 * stdin/stdout answer every request twice and double every check.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { BUILT_CLI } from '../support/lsp-client';

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('slipway lsp --stdio', () => {
  it('answers each request exactly once', async () => {
    const server = spawn(process.execPath, [BUILT_CLI, 'lsp', '--stdio'], { stdio: 'pipe' });
    let output = '';
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no exit; output so far: ${output}`)), 20000);
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      server.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    server.stdin.write(
      frame({
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: null, capabilities: {} },
      }),
    );
    server.stdin.write(frame({ id: 2, method: 'shutdown' }));
    server.stdin.write(frame({ method: 'exit' }));
    await done;
    const responses = [...output.matchAll(/"id":(\d+)/g)].map((match) => match[1]);
    assert.deepEqual(responses, ['1', '2']);
  });
});
