// Terminal figures through the browser-mode chain (WebSocket → dispatcher → node-pty → docker exec
// → bash in the node → back): keystroke echo latency, one key at a time as a learner types, and
// the throughput of a large output burst.
import { WsTerminal } from './ws-terminal.ts';

const KEYS = 'abcdefghijklmnopqrstuvwxyz';
const KEY_TIMEOUT_MS = 5_000;
/** Bytes the burst command produces before base64 (base64 adds a third, plus line ends). */
export const BURST_INPUT_BYTES = 20 * 1024 * 1024;
const MARKER = '__KUBELAB_BENCH_DONE__';
const BURST_TIMEOUT_MS = 120_000;

export interface EchoSample {
  keystrokeMs: number[];
  /** The burst's throughput, or why it could not be measured. */
  burst: { throughputMiBs: number; bytes: number } | string;
}

/** Runs the burst command and counts what reaches the WebSocket client until the marker. */
async function burst(terminal: WsTerminal): Promise<{ throughputMiBs: number; bytes: number }> {
  let bytes = 0;
  let tail = '';
  const finished = new Promise<void>((resolve) =>
    terminal.onOutput((data) => {
      bytes += Buffer.byteLength(data);
      // The marker may arrive split over two chunks, or with the next prompt behind it.
      const seen = tail + data;
      if (seen.includes(MARKER)) resolve();
      tail = seen.slice(-MARKER.length);
    }),
  );
  const started = performance.now();
  terminal.type(burstCommand(BURST_INPUT_BYTES));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `the output burst did not finish within ${BURST_TIMEOUT_MS / 1000} s (${(bytes / 1024 ** 2).toFixed(1)} MiB arrived)`,
          ),
        ),
      BURST_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([finished, timeout]);
  } finally {
    clearTimeout(timer);
    terminal.onOutput(null);
  }
  const seconds = (performance.now() - started) / 1000;
  return { throughputMiBs: bytes / 1024 ** 2 / seconds, bytes };
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
    // Ctrl-U clears the typed line; then the burst. Its failure still keeps the echo samples.
    terminal.type('\x15');
    await terminal.settle(300, 5_000);
    try {
      return { keystrokeMs, burst: await burst(terminal) };
    } catch (error) {
      return { keystrokeMs, burst: error instanceof Error ? error.message : String(error) };
    }
  } finally {
    await terminal.close();
  }
}
