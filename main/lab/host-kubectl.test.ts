import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { apiReachable } from './host-kubectl.ts';

describe('the lab’s kubectl on the host', () => {
  it('knows whether the kubeconfig’s API server answers on this machine', async () => {
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const kubeconfig = (p: number): string =>
      `clusters:\n- cluster:\n    server: https://127.0.0.1:${p}\n  name: x\n`;
    expect(await apiReachable(kubeconfig(port))).toBe(true);
    server.close();
    await new Promise((resolve) => server.once('close', resolve));
    expect(await apiReachable(kubeconfig(port))).toBe(false);
    expect(await apiReachable('no server here')).toBe(false);
  });
});
