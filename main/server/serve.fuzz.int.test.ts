// Fuzz: malformed request lines, targets, headers, upgrade handshakes, WebSocket frames and raw
// bytes thrown at a real `kubelab serve` process and at a real preview server — loopback only,
// bounded in count and time, seeded (KUBELAB_FUZZ_SEED replays a run). After every batch the
// server must still serve its page and answer an API call; the serve process must never exit.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fuzzInput } from '../fuzz/http-inputs.ts';
import type { FuzzTarget } from '../fuzz/http-inputs.ts';
import { seededRandom } from '../fuzz/random.ts';
import { send, wsHandshake } from '../fuzz/send.ts';
import { startPreviewServer } from '../preview/preview-server.ts';
import type { PreviewServer } from '../preview/preview-server.ts';
import { rawDataText } from './ws-transport.ts';

const SEED = Number(process.env.KUBELAB_FUZZ_SEED ?? Date.now() % 1_000_000);
const INPUTS = 4000;
const BUDGET_MS = 120_000;
const BATCH = 12;

let serve: ChildProcess;
let exited: string | null = null;
let url: URL;
let serveOutput: () => string = () => '';

beforeAll(async () => {
  serve = spawn(process.execPath, ['bin/kubelab.js', 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  serveOutput = () => output;
  serve.on(
    'exit',
    (code, signal) => (exited = `exited with ${code ?? signal}: ${output.slice(-2000)}`),
  );
  url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 120_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[0]));
      }
    };
    serve.stdout!.on('data', read);
    serve.stderr!.on('data', read);
  });
});
afterAll(() => {
  serve.kill('SIGTERM');
});

async function apiAnswers(port: number, token: string): Promise<boolean> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`);
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const answer = new Promise<string>((resolve) =>
      socket.on('message', (data) => resolve(rawDataText(data))),
    );
    socket.send(JSON.stringify({ t: 'req', id: 1, channel: 'operations:list', input: {} }));
    return (JSON.parse(await answer) as { id?: number }).id === 1;
  } finally {
    socket.close();
  }
}

async function fuzz(
  target: FuzzTarget,
  handshake: string | null,
  alive: () => Promise<void>,
): Promise<{ tried: number; statuses: Map<string, number> }> {
  const random = seededRandom(SEED);
  const statuses = new Map<string, number>();
  const started = Date.now();
  let tried = 0;
  while (tried < INPUTS && Date.now() - started < BUDGET_MS) {
    const batch = Array.from({ length: BATCH }, () => fuzzInput(random, target));
    const results = await Promise.all(batch.map((input) => send(target.port, input, handshake)));
    for (const result of results) {
      const key = String(result.status ?? 'closed');
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      // a 5xx would mean a handler failed; the fuzz inputs never deserve one
      expect(result.status ?? 0, `seed ${SEED}, input ${tried}`).toBeLessThan(500);
    }
    tried += batch.length;
    await alive();
  }
  return { tried, statuses };
}

describe('fuzz', () => {
  it('kubelab serve answers after every malformed input and never exits', async () => {
    const port = Number(url.port);
    const token = url.searchParams.get('token')!;
    const { tried, statuses } = await fuzz(
      { port, query: { name: 'token', value: token }, wsPath: '/api' },
      wsHandshake(port, `/api?token=${token}`),
      async () => {
        expect(exited, `seed ${SEED}`).toBeNull();
        expect((await fetch(`${url.origin}/?token=${token}`)).status, `seed ${SEED}`).toBe(200);
      },
    );
    expect(await apiAnswers(port, token)).toBe(true);
    // the process-wide safety net must not have been what kept it alive
    expect(serveOutput()).not.toMatch(/uncaught exception|unhandled rejection/);
    console.log(
      `fuzz kubelab serve: ${tried} inputs (seed ${SEED}), answers ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(tried).toBeGreaterThanOrEqual(INPUTS / 4);
  });

  it('GET // and /% get 4xx with and without the token (the reported crashes)', async () => {
    const port = Number(url.port);
    const token = url.searchParams.get('token')!;
    for (const path of ['//', '/%', `//?token=${token}`, `/%?token=${token}`]) {
      const { status } = await send(
        port,
        {
          kind: 'target',
          bytes: Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
        },
        null,
        2000,
      );
      expect(status, path).toBeGreaterThanOrEqual(400);
      expect(status, path).toBeLessThan(500);
    }
    expect(exited).toBeNull();
    expect((await fetch(`${url.origin}/?token=${token}`)).status).toBe(200);
  });

  describe('a preview server', () => {
    let upstream: Server;
    let preview: PreviewServer;
    beforeAll(async () => {
      // the "Service": a real loopback HTTP server that also tries to set kubelab's cookies
      upstream = createServer((_req, res) =>
        res
          .writeHead(200, { 'set-cookie': ['kubelab_assets_1=stolen', 'app=1'] })
          .end('hello from the service'),
      );
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
      const upstreamPort = (upstream.address() as { port: number }).port;
      preview = await startPreviewServer({
        label: 'svc:80',
        connect: () => connect(upstreamPort, '127.0.0.1'),
      });
    });
    afterAll(async () => {
      await preview.close();
      upstream.close();
    });

    async function previewServes(): Promise<Response> {
      const secret = new URL(preview.url).searchParams.get('kubelab_preview')!;
      const first = await new Promise<{ cookie: string }>((resolve, reject) => {
        const req = httpRequest(
          `http://127.0.0.1:${preview.port}/?kubelab_preview=${secret}`,
          (res) => {
            res.resume();
            resolve({ cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]! });
          },
        );
        req.on('error', reject);
        req.end();
      });
      return fetch(`http://127.0.0.1:${preview.port}/`, { headers: { cookie: first.cookie } });
    }

    it('answers after every malformed input, and the service cannot set kubelab_* cookies', async () => {
      const secret = new URL(preview.url).searchParams.get('kubelab_preview')!;
      const { tried } = await fuzz(
        { port: preview.port, query: { name: 'kubelab_preview', value: secret }, wsPath: '/' },
        null,
        async () => expect((await previewServes()).status, `seed ${SEED}`).toBe(200),
      );
      const served = await previewServes();
      expect(await served.text()).toBe('hello from the service');
      expect(served.headers.getSetCookie()).toEqual(['app=1']);
      console.log(`fuzz preview server: ${tried} inputs (seed ${SEED})`);
    });
  });
});
