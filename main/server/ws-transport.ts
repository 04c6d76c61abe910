// The WebSocket transport: carries the same contract as Electron IPC, frame by frame.
import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import { createCaller } from '../api/caller.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import type { EventBus } from '../api/event-bus.ts';
import { RequestFrameSchema } from '../api/ws-protocol.ts';
import type { ServerFrame } from '../api/ws-protocol.ts';

/** A text frame's content, whatever shape ws delivered it in. */
export function rawDataText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function send(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

export function serveSocket(socket: WebSocket, dispatch: Dispatch, bus: EventBus): void {
  // One caller per socket: what it opens (terminals) is released when the socket closes.
  const { caller, close } = createCaller(`ws-${randomUUID()}`);
  const unsubscribe = bus.subscribe((event, to) => {
    if (to === undefined || to === caller.id) send(socket, { t: 'evt', ...event });
  });
  // A protocol violation (bad opcode, unmasked frame, broken UTF-8) is an 'error' on the socket;
  // unhandled, it would end the whole process. ws has already answered the close code.
  socket.on('error', () => socket.terminate());
  socket.on('close', () => {
    unsubscribe();
    close();
  });
  socket.on('message', (data, isBinary) => {
    let raw: unknown;
    try {
      raw = isBinary ? undefined : JSON.parse(rawDataText(data));
    } catch {
      raw = undefined;
    }
    const frame = RequestFrameSchema.safeParse(raw);
    if (!frame.success) {
      // No id to answer to: say so on id 0 rather than dropping it silently.
      send(socket, {
        t: 'res',
        id: 0,
        error: { name: 'LabError', code: 'BAD_FRAME', message: 'Malformed request frame.' },
      });
      return;
    }
    const { id, channel, input } = frame.data;
    void dispatch(channel, input, caller).then((envelope) =>
      send(socket, { t: 'res', id, ...envelope }),
    );
  });
}
