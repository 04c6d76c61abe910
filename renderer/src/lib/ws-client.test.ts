// The browser transport against a scripted socket: answers, time limits, a dropped connection.
import { describe, expect, it } from 'vitest';
import { connectWebSocket } from './ws-client.ts';

class FakeSocket extends EventTarget {
  sent: { id: number; channel: string }[] = [];
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; channel: string });
  }
  open(): void {
    this.dispatchEvent(new Event('open'));
  }
  answer(id: number, result: unknown): void {
    this.dispatchEvent(
      new MessageEvent('message', { data: JSON.stringify({ t: 'res', id, result }) }),
    );
  }
  drop(): void {
    this.dispatchEvent(new Event('close'));
  }
}

function harness(): { sockets: FakeSocket[]; create: (url: string) => WebSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    create: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      setTimeout(() => socket.open(), 0);
      return socket as unknown as WebSocket;
    },
  };
}

const location = {
  protocol: 'http:',
  host: '127.0.0.1:1',
  search: '?token=t',
  pathname: '/',
  hash: '',
} as Location;
const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('connectWebSocket', () => {
  it('answers a request, and a request that gets no answer ends in TIMEOUT', async () => {
    const { sockets, create } = harness();
    const client = await connectWebSocket(location, { createSocket: create, requestTimeoutMs: 60 });
    const status = client.engine.status({});
    await tick();
    sockets[0]!.answer(sockets[0]!.sent[0]!.id, { reachable: true });
    await expect(status).resolves.toMatchObject({ reachable: true });
    await expect(client.operations.list({})).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('fails what was in flight when the connection drops, reconnects, and sends what was asked meanwhile', async () => {
    const { sockets, create } = harness();
    const client = await connectWebSocket(location, {
      createSocket: create,
      requestTimeoutMs: 5_000,
      maxBackoffMs: 20,
    });
    const inFlight = client.engine.status({});
    await tick();
    sockets[0]!.drop();
    await expect(inFlight).rejects.toMatchObject({ code: 'DISCONNECTED' });
    const meanwhile = client.operations.list({});
    await tick(600); // first back-off is min(20, 500) ms
    expect(sockets).toHaveLength(2);
    const resent = sockets[1]!.sent.find((frame) => frame.channel === 'operations:list');
    expect(resent).toBeDefined();
    sockets[1]!.answer(resent!.id, []);
    await expect(meanwhile).resolves.toEqual([]);
  });

  it('refuses at once when the very first connection cannot be made', async () => {
    const create = (): WebSocket => {
      const socket = new FakeSocket();
      setTimeout(() => socket.drop(), 0);
      return socket as unknown as WebSocket;
    };
    await expect(connectWebSocket(location, { createSocket: create })).rejects.toThrow(
      /Cannot connect/,
    );
  });
});
