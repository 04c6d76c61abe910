// Throws one fuzz input at a loopback server and waits (bounded) for it to answer or hang up.
import { connect } from 'node:net';
import type { FuzzInput } from './http-inputs.ts';

export interface Sent {
  /** The first status line the server wrote back, if any. */
  status: number | null;
}

/**
 * `handshake` (for frame inputs) is written first and must be answered 101 before the input's
 * bytes follow — so the frames reach a real, authenticated WebSocket.
 */
export function send(
  port: number,
  input: FuzzInput,
  handshake: string | null,
  timeoutMs = 400,
): Promise<Sent> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let upgraded = false;
    let status: number | null = null;
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('connect', () => {
      if (handshake && input.kind === 'frames') socket.write(handshake);
      else socket.write(input.bytes);
    });
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (match && status === null) status = Number(match[1]);
      if (handshake && input.kind === 'frames' && !upgraded && status === 101) {
        upgraded = true;
        socket.write(input.bytes);
        return;
      }
      if (!handshake || input.kind !== 'frames') done();
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}

export function wsHandshake(port: number, path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`
  );
}
