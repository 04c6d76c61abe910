// The browser-mode transport for real: an HTTP server on loopback, a real WebSocket client, and
// the same dispatcher the app uses (over a fake API: what's tested here is the transport).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDispatcher } from '../api/dispatcher.ts';
import { EventBus } from '../api/event-bus.ts';
import type { LabApi } from '../api/contract.ts';
import { fakeApi } from '../api/fake-api.ts';
import type { ServerFrame } from '../api/ws-protocol.ts';
import { startServer } from './http-server.ts';
import { rawDataText } from './ws-transport.ts';
import type { RunningServer } from './http-server.ts';

const api: LabApi = fakeApi({
  engine: {
    status: () =>
      Promise.resolve({
        reachable: false,
        version: null,
        apiVersion: null,
        os: null,
        cgroupVersion: null,
        nodeMode: 'unknown',
        problem: { message: 'no engine', fix: 'start it' },
      }),
  },
});

let server: RunningServer;
const bus = new EventBus();

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-renderer-'));
  await writeFile(join(dir, 'index.html'), '<html>kubelab test page</html>');
  server = await startServer({ port: 0, rendererDir: dir, dispatch: createDispatcher(api), bus });
});
afterAll(() => server.close());

function open(query: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, {
      ...(origin ? { origin } : {}),
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function openWith(query: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

/** Sends raw bytes (what fetch would refuse to send) and reads the status code answered. */
function rawStatus(request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (match) {
        resolve(Number(match[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without a status: ${JSON.stringify(text)}`)));
  });
}

function nextFrame(socket: WebSocket, match: (f: ServerFrame) => boolean): Promise<ServerFrame> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(rawDataText(data)) as ServerFrame;
      if (match(frame)) {
        socket.off('message', onMessage);
        resolve(frame);
      }
    };
    socket.on('message', onMessage);
  });
}

describe('kubelab serve transport', () => {
  it('binds to loopback only and prints a token URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('serves the page with the token and refuses it without or with a wrong one', async () => {
    const base = `http://127.0.0.1:${server.port}/`;
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(`${base}?token=wrong`)).status).toBe(401);
    const ok = await fetch(`${base}?token=${server.token}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('kubelab test page');
    expect(ok.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(ok.headers.get('x-frame-options')).toBe('DENY');
    expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    // a reload without the token in the URL: the port-named asset cookie serves the page…
    expect(cookie).toMatch(new RegExp(`^kubelab_assets_${server.port}=`));
    expect((await fetch(base, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
  });

  it('never puts the API token in a cookie, and the asset cookie opens no WebSocket', async () => {
    const ok = await fetch(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    const cookie = (ok.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).not.toContain(server.token);
    await expect(openWith('', { cookie })).rejects.toThrow(/401|Unexpected server response/);
    // nor does a cookie that carries the API token itself
    await expect(openWith('', { cookie: `kubelab_token=${server.token}` })).rejects.toThrow(
      /401|Unexpected server response/,
    );
  });

  it('answers malformed targets with 4xx and keeps serving (GET // and /% with and without the token)', async () => {
    for (const path of [
      '//',
      '/%',
      '//?token=x',
      `/%?token=${server.token}`,
      `//?token=${server.token}`,
    ]) {
      const status = await rawStatus(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`,
      );
      expect(status, path).toBeGreaterThanOrEqual(400);
      expect(status, path).toBeLessThan(500);
    }
    expect((await fetch(`http://127.0.0.1:${server.port}/?token=${server.token}`)).status).toBe(
      200,
    );
  });

  it('refuses a WebSocket with a missing or wrong token', async () => {
    await expect(open('')).rejects.toThrow(/401|Unexpected server response/);
    await expect(open('?token=nope')).rejects.toThrow(/401|Unexpected server response/);
  });

  it('refuses a WebSocket from another origin even with the token (e.g. a Service preview)', async () => {
    await expect(open(`?token=${server.token}`, 'http://127.0.0.1:1')).rejects.toThrow(
      /401|Unexpected server response/,
    );
    const own = await open(`?token=${server.token}`, `http://127.0.0.1:${server.port}`);
    own.close();
  });

  it('carries a request and its answer over a real WebSocket', async () => {
    const socket = await open(`?token=${server.token}`);
    const answer = nextFrame(socket, (f) => f.t === 'res' && f.id === 7);
    socket.send(JSON.stringify({ t: 'req', id: 7, channel: 'engine:status', input: {} }));
    expect(await answer).toMatchObject({ t: 'res', id: 7, result: { reachable: false } });
    socket.close();
  });

  it('answers a malformed request with a typed error and keeps the socket open', async () => {
    const socket = await open(`?token=${server.token}`);
    const bad = nextFrame(socket, (f) => f.t === 'res' && f.id === 0);
    socket.send('{not json');
    expect(await bad).toMatchObject({ error: { code: 'BAD_FRAME' } });
    const invalid = nextFrame(socket, (f) => f.t === 'res' && f.id === 8);
    socket.send(JSON.stringify({ t: 'req', id: 8, channel: 'engine:status', input: { x: 1 } }));
    expect(await invalid).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('pushes events to connected sockets', async () => {
    const socket = await open(`?token=${server.token}`);
    const event = nextFrame(socket, (f) => f.t === 'evt');
    bus.emit('progress', {
      operationId: 'op',
      kind: 'test',
      phase: 'one',
      percent: 50,
      elapsedMs: 1,
      message: 'halfway',
      state: 'running',
    });
    expect(await event).toMatchObject({ t: 'evt', event: 'progress', payload: { percent: 50 } });
    socket.close();
  });

  it('sends an event addressed to one caller to that caller only', async () => {
    const socket = await open(`?token=${server.token}`);
    const first = nextFrame(socket, (f) => f.t === 'evt');
    bus.emit('terminalData', { sessionId: 's', data: 'secret' }, 'some-other-caller');
    bus.emit('terminalData', { sessionId: 's', data: 'for everyone' });
    expect(await first).toMatchObject({ payload: { data: 'for everyone' } });
    socket.close();
  });

  it('refuses a second server on the same port with PORT_IN_USE', async () => {
    await expect(
      startServer({
        port: server.port,
        rendererDir: '/nonexistent',
        dispatch: createDispatcher(api),
        bus,
      }),
    ).rejects.toMatchObject({ code: 'PORT_IN_USE' });
  });
});
