// Owns every terminal session of the main process. A session belongs to the caller (WebSocket
// connection or window) that opened it: only that caller gets its output, may write to it, and
// its sessions die when it goes away. Opening the same (lab, node[, pod action]) again re-attaches.
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import type { Caller } from '../api/caller.ts';
import { LabError } from '../api/errors.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { PodTerminal } from '../api/schemas/terminal.ts';
import { nodeTarget } from './node-target.ts';
import { podCommand, podSessionKey } from './pod-command.ts';
import { PtySession } from './pty-session.ts';

interface Entry {
  id: string;
  owner: string;
  key: string;
  session: PtySession;
}

export interface OpenRequest {
  lab: string;
  node: string;
  pod?: PodTerminal | undefined;
  cols?: number | undefined;
  rows?: number | undefined;
  ackOutput?: boolean | undefined;
}

export class TerminalManager {
  readonly #bus: EventBus;
  readonly #engine: () => Promise<Docker>;
  readonly #sessions = new Map<string, Entry>();
  readonly #watched = new Set<string>();

  constructor(bus: EventBus, engine: () => Promise<Docker>) {
    this.#bus = bus;
    this.#engine = engine;
  }

  async open(request: OpenRequest, caller: Caller): Promise<{ sessionId: string; replay: string }> {
    const key = `${request.lab}/${request.node}${request.pod ? `/${podSessionKey(request.pod)}` : ''}`;
    for (const entry of this.#sessions.values()) {
      if (entry.owner === caller.id && entry.key === key && !entry.session.exited) {
        if (request.cols && request.rows) entry.session.resize(request.cols, request.rows);
        return { sessionId: entry.id, replay: entry.session.replay() };
      }
    }
    const target = await nodeTarget(await this.#engine(), request.lab, request.node);
    const id = randomUUID();
    const session = new PtySession({
      ...target,
      ...(request.pod ? { command: podCommand(request.pod) } : {}),
      cols: request.cols ?? 80,
      rows: request.rows ?? 24,
      flowControl: request.ackOutput ?? false,
      onData: (data) => this.#bus.emit('terminalData', { sessionId: id, data }, caller.id),
      onExit: (code) => {
        this.#sessions.delete(id);
        this.#bus.emit('terminalExit', { sessionId: id, code }, caller.id);
      },
    });
    this.#sessions.set(id, { id, owner: caller.id, key, session });
    this.#watch(caller);
    return { sessionId: id, replay: '' };
  }

  write(sessionId: string, data: string, caller: Caller): void {
    this.#get(sessionId, caller).session.write(data);
  }

  ack(sessionId: string, chars: number, caller: Caller): void {
    this.#get(sessionId, caller).session.ack(chars);
  }

  resize(sessionId: string, cols: number, rows: number, caller: Caller): void {
    this.#get(sessionId, caller).session.resize(cols, rows);
  }

  close(sessionId: string, caller: Caller): boolean {
    const entry = this.#sessions.get(sessionId);
    if (!entry || entry.owner !== caller.id) return false;
    this.#sessions.delete(sessionId);
    entry.session.kill();
    return true;
  }

  /** Kills every session (the app is quitting). */
  closeAll(): void {
    for (const entry of this.#sessions.values()) entry.session.kill();
    this.#sessions.clear();
  }

  get count(): number {
    return this.#sessions.size;
  }

  #get(sessionId: string, caller: Caller): Entry {
    const entry = this.#sessions.get(sessionId);
    if (!entry || entry.owner !== caller.id) {
      throw new LabError('NO_SESSION', `Terminal session ${sessionId} is not open.`, {
        fix: 'Reconnect the terminal.',
      });
    }
    return entry;
  }

  #watch(caller: Caller): void {
    if (this.#watched.has(caller.id)) return;
    this.#watched.add(caller.id);
    caller.onClose(() => {
      this.#watched.delete(caller.id);
      for (const entry of [...this.#sessions.values()]) {
        if (entry.owner === caller.id) this.close(entry.id, caller);
      }
    });
  }
}
