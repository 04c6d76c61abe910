// Terminal figures through the browser-mode chain (WebSocket → dispatcher → node-pty → docker exec
// → bash in the node → back): keystroke echo latency, one key at a time as a learner types, and
// the throughput of a large output burst.
import { WsTerminal } from './ws-terminal.ts';

const KEYS = 'abcdefghijklmnopqrstuvwxyz';
const KEY_TIMEOUT_MS = 5_000;
/** Bytes the burst command produces before base64 (base64 adds a third, plus line ends). */
export const BURST_INPUT_BYTES = 20 * 1024 * 1024;
const MARKER = '__KUBELAB_BENCH_DONE__';

export interface EchoSample {
  keystrokeMs: number[];
  throughputMiBs: number;
  burstBytes: number;
}

/** The burst command; the marker is split in the command line so its echo never matches. */
export function burstCommand(bytes: number): string {
  const half = MARKER.length / 2;
  return `head -c ${bytes} /dev/zero | base64; echo ${MARKER.slice(0, half)}""${MARKER.slice(half)}\r`;
}

export async function measureEcho(
  lab: string,
  node: string,
  keystrokes: number,
): Promise<EchoSample> {
  const terminal = await WsTerminal.connect();
  try {
    await terminal.open(lab, node);
    // The login shell prints its prompt (and maybe a banner); start typing once it is quiet. The
    // Enter makes sure there is a prompt to wait for even if the first one came before we listened.
    terminal.type('\r');
    await terminal.settle(500, 20_000);
    const keystrokeMs: number[] = [];
    for (let i = 0; i < keystrokes; i++) {
      const key = KEYS[i % KEYS.length]!;
      const echoed = terminal.waitFor(`echo of "${key}"`, KEY_TIMEOUT_MS, (out) =>
        out.includes(key),
      );
      const started = performance.now();
      terminal.type(key);
      await echoed;
      keystrokeMs.push(performance.now() - started);
    }
    // Ctrl-U clears the typed line; then the burst.
    terminal.type('\x15');
    await terminal.settle(300, 5_000);
    let burstBytes = 0;
    let tail = '';
    const finished = new Promise<void>((resolve) =>
      terminal.onOutput((data) => {
        burstBytes += Buffer.byteLength(data);
        tail = (tail + data).slice(-(MARKER.length + 8));
        if (tail.includes(MARKER)) resolve();
      }),
    );
    const started = performance.now();
    terminal.type(burstCommand(BURST_INPUT_BYTES));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('the output burst did not finish within 120 s')),
        120_000,
      );
    });
    await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
    const seconds = (performance.now() - started) / 1000;
    terminal.onOutput(null);
    return { keystrokeMs, throughputMiBs: burstBytes / 1024 ** 2 / seconds, burstBytes };
  } finally {
    await terminal.close();
  }
}
