// A terminal opened the way the browser UI opens one: a WebSocket client of an in-process
// `kubelab serve` (same server, dispatcher, TerminalManager and node-pty session), speaking the
// transport's frames. The echo figures measure through this whole chain.
import WebSocket from 'ws';
import { createApp } from '../app.ts';
import type { LabApp } from '../app.ts';
import { rendererDir } from '../renderer-build.ts';
import { startServer } from '../server/http-server.ts';
import type { RunningServer } from '../server/http-server.ts';
import { rawDataText } from '../server/ws-transport.ts';
import type { ServerFrame } from '../api/ws-protocol.ts';

export class WsTerminal {
  readonly #app: LabApp;
  readonly #server: RunningServer;
  readonly #socket: WebSocket;
  #nextId = 1;
  readonly #pending = new Map<number, (frame: ServerFrame) => void>();
  #sessionId = '';
  #listener: ((data: string) => void) | null = null;
  #exited: number | null = null;

  private constructor(app: LabApp, server: RunningServer, socket: WebSocket) {
    this.#app = app;
    this.#server = server;
    this.#socket = socket;
    socket.on('message', (raw) => this.#onFrame(JSON.parse(rawDataText(raw)) as ServerFrame));
  }

  /** Starts the server on a free loopback port and connects to it with the token. */
  static async connect(): Promise<WsTerminal> {
    const app = createApp();
    // The page is never requested: only the WebSocket endpoint is used.
    const server = await startServer({
      port: 0,
      rendererDir: rendererDir(),
      dispatch: app.dispatch,
      bus: app.bus,
    });
    try {
      const socket = await new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
      return new WsTerminal(app, server, socket);
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  #onFrame(frame: ServerFrame): void {
    if (frame.t === 'res') {
      this.#pending.get(frame.id)?.(frame);
      this.#pending.delete(frame.id);
    } else if (frame.event === 'terminalData' && frame.payload.sessionId === this.#sessionId) {
      this.#listener?.(frame.payload.data);
    } else if (frame.event === 'terminalExit' && frame.payload.sessionId === this.#sessionId) {
      this.#exited = frame.payload.code;
    }
  }

  async #call(channel: string, input: unknown): Promise<unknown> {
    const id = this.#nextId++;
    const answer = new Promise<ServerFrame>((resolve) => this.#pending.set(id, resolve));
    this.#socket.send(JSON.stringify({ t: 'req', id, channel, input }));
    const frame = await answer;
    if (frame.t !== 'res') throw new Error(`unexpected frame for ${channel}`);
    if ('error' in frame) throw new Error(`${channel}: ${frame.error.message}`);
    return frame.result;
  }

  async open(lab: string, node: string): Promise<void> {
    const opened = (await this.#call('terminal:open', { lab, node, cols: 160, rows: 48 })) as {
      sessionId: string;
    };
    this.#sessionId = opened.sessionId;
  }

  /** Sends keystrokes without waiting for the answer frame (a UI does not wait either). */
  type(data: string): void {
    this.#socket.send(
      JSON.stringify({
        t: 'req',
        id: this.#nextId++,
        channel: 'terminal:write',
        input: { sessionId: this.#sessionId, data },
      }),
    );
  }

  /** Every output chunk goes to `listener` until it is replaced. */
  onOutput(listener: ((data: string) => void) | null): void {
    this.#listener = listener;
  }

  /** Waits until `done(all output so far)` holds; throws after `timeoutMs`. */
  async waitFor(what: string, timeoutMs: number, done: (output: string) => boolean): Promise<void> {
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.onOutput(null);
        const exit = this.#exited !== null ? ` (the shell exited with ${this.#exited})` : '';
        reject(
          new Error(
            `no ${what} within ${timeoutMs / 1000} s${exit}; last output: ${JSON.stringify(output.slice(-200))}`,
          ),
        );
      }, timeoutMs);
      this.onOutput((data) => {
        output += data;
        if (done(output)) {
          clearTimeout(timer);
          this.onOutput(null);
          resolve();
        }
      });
    });
  }

  /** Waits until the shell has printed something and then stayed quiet for `quietMs`. */
  async settle(quietMs: number, timeoutMs: number): Promise<void> {
    let last = 0;
    let seen = false;
    this.onOutput(() => {
      seen = true;
      last = performance.now();
    });
    const started = performance.now();
    while (!seen || performance.now() - last < quietMs) {
      if (performance.now() - started > timeoutMs) {
        this.onOutput(null);
        throw new Error(`the shell did not settle within ${timeoutMs / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.onOutput(null);
  }

  async close(): Promise<void> {
    try {
      if (this.#sessionId) await this.#call('terminal:close', { sessionId: this.#sessionId });
    } finally {
      this.#socket.close();
      this.#app.services.terminals.closeAll();
      await this.#server.close();
    }
  }
}
