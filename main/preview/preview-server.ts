// One loopback HTTP listener per previewed Service: every request is forwarded to the Service
// through a connection made inside the control-plane node (exec-stream.ts). A listener of its own
// gives the page its own origin (http://127.0.0.1:PORT): the service's absolute links keep working
// and its scripts cannot read the kubelab UI (another origin). It is the same *site* as the UI on
// purpose, so the SameSite=Strict secret cookie is sent from kubelab's iframe; the UI's WebSocket
// refuses other origins (http-server.ts), so a previewed page cannot reach the API either.
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { admit, loopbackHost, forwardedCookies } from './preview-auth.ts';

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  /** Opens a byte stream to the service (one per upstream request). */
  connect: () => Duplex;
  /** For the Host header the service sees and the error pages. */
  label: string;
  /**
   * 'secret' (the app's panes): the URL carries a secret, then a cookie. 'loopback' (`kubelab
   * preview`, for curl and any browser, like `kubectl port-forward`): no secret, loopback Host only.
   */
  access?: 'secret' | 'loopback';
}

/** Headers that would stop the page from showing in kubelab's pane, or that are per-hop. */
const DROPPED_RESPONSE = new Set([
  'x-frame-options',
  'content-security-policy',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

function errorPage(res: ServerResponse, status: number, title: string, detail: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const escape = (text: string): string =>
    text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(
      `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title>` +
        `<body style="font-family:system-ui,sans-serif;padding:1rem"><h1 style="font-size:1.1rem">${escape(title)}</h1>` +
        `<p>${escape(detail)}</p></body>`,
    );
}

/**
 * A previewed service may set its own cookies, never kubelab's: a `kubelab_preview_<port>` of its
 * choosing would be replayed to it, or one for the UI's port would shadow the UI's.
 */
export function ownCookiesRemoved(cookies: string[] | undefined): string[] | undefined {
  const kept = (cookies ?? []).filter((cookie) => !/^\s*kubelab_/i.test(cookie));
  return kept.length ? kept : undefined;
}

function forward(req: IncomingMessage, res: ServerResponse, options: PreviewServerOptions): void {
  const headers = { ...req.headers };
  delete headers.cookie;
  const cookies = forwardedCookies(req.headers.cookie);
  if (cookies) headers.cookie = cookies;
  headers.host = options.label.replace(/:80$/, '');
  const upstream = request(
    {
      method: req.method,
      path: req.url,
      headers,
      createConnection: () => options.connect(),
      timeout: 30_000,
    },
    (answer) => {
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !DROPPED_RESPONSE.has(name)) out[name] = value;
      }
      const cookies = ownCookiesRemoved(answer.headers['set-cookie']);
      if (cookies) out['set-cookie'] = cookies;
      else delete out['set-cookie'];
      try {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
      } catch (error) {
        // a header Node refuses to send on (bad characters from the service)
        answer.destroy();
        errorPage(res, 502, `${options.label} sent a malformed answer`, String(error));
        return;
      }
      answer.pipe(res);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error('no answer within 30 s')));
  upstream.on('error', (error) =>
    errorPage(
      res,
      502,
      `${options.label} did not answer`,
      `${error.message}. Check that the Service has ready endpoints (kubectl get endpointslices) and that its pods listen on the target port.`,
    ),
  );
  req.pipe(upstream);
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const secret = randomBytes(18).toString('base64url');
  let port = 0;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (options.access === 'loopback') {
      if (loopbackHost(req.headers.host, port)) forward(req, res, options);
      else errorPage(res, 401, 'kubelab preview: not allowed', 'wrong Host header.');
      return;
    }
    const admission = admit(secret, port, req.url ?? '/', req.headers.host, req.headers.cookie);
    if (!admission.ok) {
      errorPage(
        res,
        admission.status,
        'kubelab preview: not allowed',
        `${admission.reason}. Open the preview from kubelab again.`,
      );
      return;
    }
    if (admission.redirect) {
      res
        .writeHead(302, {
          location: admission.redirect.location,
          'set-cookie': admission.redirect.cookies,
        })
        .end();
      return;
    }
    forward(req, res, options);
  };
  const server: Server = createServer((req, res) => {
    // Whatever a request does, it answers and the listener stays up for the next one.
    try {
      handle(req, res);
    } catch (error) {
      console.error(`kubelab preview ${options.label}: request failed:`, error);
      errorPage(res, 500, 'kubelab preview: internal error', String(error));
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url:
      options.access === 'loopback'
        ? `http://127.0.0.1:${port}/`
        : `http://127.0.0.1:${port}/?kubelab_preview=${secret}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
