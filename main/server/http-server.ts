// `kubelab serve`: the renderer and the API over one loopback HTTP server. Everything — the page,
// its assets and the WebSocket — needs the per-start token (query string once, then a cookie).
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { LabError } from '../api/errors.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import type { EventBus } from '../api/event-bus.ts';
import { WS_PATH } from '../api/ws-protocol.ts';
import { sendStatic } from './static-files.ts';
import { TOKEN_COOKIE, newToken, tokenFromCookie, tokenMatches } from './token.ts';
import { serveSocket } from './ws-transport.ts';

export interface ServeOptions {
  port: number;
  rendererDir: string;
  dispatch: Dispatch;
  bus: EventBus;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function requestToken(req: IncomingMessage): { query: string | null; cookie: string | null } {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  return { query: url.searchParams.get('token'), cookie: tokenFromCookie(req.headers.cookie) };
}

/**
 * A browser always sends Origin on a WebSocket handshake: only our own page may open the API.
 * (Service previews are served from other loopback ports — same site, so the SameSite token
 * cookie would go along; their pages must not reach the API.)
 */
function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return (
    origin === undefined ||
    origin === `http://${HOST}:${port}` ||
    origin === `http://localhost:${port}`
  );
}

/** Refuse other Host names so a DNS-rebinding page cannot talk to us. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  let port = options.port;
  const server: Server = createServer((req, res) => {
    // No other page may frame this one: it carries the token. (frame-ancestors only works as a
    // header — in the page's CSP meta tag browsers ignore it.)
    res.setHeader('content-security-policy', "frame-ancestors 'none'");
    res.setHeader('x-frame-options', 'DENY');
    const given = requestToken(req);
    if (
      !hostAllowed(req, port) ||
      !(tokenMatches(token, given.query) || tokenMatches(token, given.cookie))
    ) {
      res
        .writeHead(401, { 'content-type': 'text/plain' })
        .end('kubelab: missing or wrong token; open the URL that `kubelab serve` printed.');
      return;
    }
    if (given.query) {
      res.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const path = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    void sendStatic(options.rendererDir, path, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const given = requestToken(req);
    const path = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    const ok =
      path === WS_PATH &&
      hostAllowed(req, port) &&
      originAllowed(req, port) &&
      (tokenMatches(token, given.query) || tokenMatches(token, given.cookie));
    if (!ok) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.dispatch, options.bus));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new LabError('PORT_IN_USE', `Port ${options.port} on ${HOST} is already in use.`, {
            fix: 'Pass another port with --port N, or --port 0 to take any free port.',
          }),
        );
      } else reject(error);
    });
    server.listen(options.port, HOST, resolve);
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
