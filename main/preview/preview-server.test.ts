// The proxy for real over loopback sockets; only the hop through the node is replaced by a plain
// TCP connection to a local stand-in for the Service.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer } from './preview-server.ts';
import type { PreviewServer } from './preview-server.ts';

let service: Server;
let servicePort = 0;
let preview: PreviewServer;
let seen: { host?: string; cookie?: string } = {};

beforeAll(async () => {
  service = createServer((req, res) => {
    seen = { host: req.headers.host, cookie: req.headers.cookie };
    res.writeHead(200, { 'content-type': 'text/html', 'x-frame-options': 'DENY' });
    res.end(`<h1>served ${req.method} ${req.url}</h1>`);
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  const address = service.address();
  servicePort = typeof address === 'object' && address ? address.port : 0;
  preview = await startPreviewServer({
    label: 'httpd.default.svc:80',
    connect: () => connect(servicePort, '127.0.0.1'),
  });
});
afterAll(async () => {
  await preview.close();
  await new Promise((resolve) => service.close(resolve));
});

describe('preview server', () => {
  it('redirects the secret URL to a cookie, then proxies with it', async () => {
    const first = await fetch(preview.url.replace('/?', '/docs/?'), { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/docs/');
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await fetch(`http://127.0.0.1:${preview.port}/docs/?q=1`, {
      headers: { cookie: `${cookie}; kubelab_token=app-secret; theme=dark` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<h1>served GET /docs/?q=1</h1>');
    // Shown in kubelab's frame, with the Service's own name, and kubelab's cookies kept back.
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(seen).toEqual({ host: 'httpd.default.svc', cookie: 'theme=dark' });
  });

  it('refuses requests without the secret', async () => {
    expect((await fetch(`http://127.0.0.1:${preview.port}/`)).status).toBe(401);
  });

  it('answers 502 with a readable page when the Service does not answer', async () => {
    const dead = await startPreviewServer({
      label: 'gone.default.svc:80',
      connect: () => connect(1, '127.0.0.1'),
    });
    const first = await fetch(dead.url, { redirect: 'manual' });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await fetch(`http://127.0.0.1:${dead.port}/`, { headers: { cookie } });
    expect(page.status).toBe(502);
    expect(await page.text()).toContain('gone.default.svc:80 did not answer');
    await dead.close();
  });
});
