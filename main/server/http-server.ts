// `kubelab serve`: the renderer and the API over one loopback HTTP server.
// - The API (the WebSocket) needs the per-start token in its handshake's query string: never a
//   cookie, so no other server on 127.0.0.1 the browser visits can borrow it.
// - The page and its assets need the token once (the printed URL) or the port-named asset cookie
//   that URL sets, which opens nothing else; the page then moves the token out of the address bar
//   into sessionStorage (renderer/src/lib/session-token.ts).
// No request, however malformed, can end the process: targets are parsed without throwing, every
// handler's failure is answered 500 and logged.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { LabError } from '../api/errors.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import type { EventBus } from '../api/event-bus.ts';
import { WS_PATH } from '../api/ws-protocol.ts';
import { cookieValue } from '../http/cookies.ts';
import { parseRequestTarget } from '../http/request-target.ts';
import { sendStatic } from './static-files.ts';
import { tokenMatches } from '../http/secrets.ts';
import { assetCookieName, newToken } from './token.ts';
import { serveSocket } from './ws-transport.ts';

export interface ServeOptions {
  port: number;
  rendererDir: string;
  dispatch: Dispatch;
  bus: EventBus;
  token?: string;
  /** Where a failed request is reported (default: stderr). */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Our own page's origins; a browser always sends Origin on a WebSocket handshake. */
function originAllowed(origin: string | undefined, port: number): boolean {
  // No Origin: not a browser (the bench, tests) — such a client still needs the token.
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

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  else socket.destroy();
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const assetSecret = newToken();
  const log = options.log ?? ((line: string) => console.error(line));
  let port = options.port;

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // No other page may frame this one, and no link may leak its URL. (frame-ancestors only
    // works as a header — in the page's CSP meta tag browsers ignore it.)
    res.setHeader('content-security-policy', "frame-ancestors 'none'");
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    const target = parseRequestTarget(req.url);
    if (!target) return answer(res, 400, 'kubelab: malformed request target.');
    const viaQuery = tokenMatches(token, target.searchParams.get('token'));
    const viaCookie = tokenMatches(
      assetSecret,
      cookieValue(req.headers.cookie, assetCookieName(port)),
    );
    if (!hostAllowed(req, port) || !(viaQuery || viaCookie)) {
      return answer(
        res,
        401,
        'kubelab: missing or wrong token; open the URL that `kubelab serve` printed.',
      );
    }
    if (viaQuery) {
      res.setHeader(
        'set-cookie',
        `${assetCookieName(port)}=${assetSecret}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    await sendStatic(options.rendererDir, target.pathname, res);
  };

  const server: Server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      log(`kubelab serve: ${req.method ?? '?'} request failed: ${String(error)}`);
      answer(res, 500, 'kubelab: internal error (logged).');
    });
  });
  // Bad request lines and headers: answered 400 by us, not a thrown error.
  server.on('clientError', (_error, socket) => refuseUpgrade(socket, '400 Bad Request'));

  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      const target = parseRequestTarget(req.url);
      if (!target || target.pathname !== WS_PATH) return refuseUpgrade(socket, '404 Not Found');
      const ok =
        hostAllowed(req, port) &&
        originAllowed(req.headers.origin, port) &&
        tokenMatches(token, target.searchParams.get('token'));
      if (!ok) return refuseUpgrade(socket, '401 Unauthorized');
      socket.on('error', () => socket.destroy());
      wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.dispatch, options.bus));
    } catch (error) {
      log(`kubelab serve: WebSocket upgrade failed: ${String(error)}`);
      refuseUpgrade(socket, '400 Bad Request');
    }
  });
  wss.on('error', (error) => log(`kubelab serve: WebSocket server error: ${String(error)}`));

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
