// Flow control on a real shell: `yes` in a container under docker exec + node-pty. A view that
// never acks gets at most the in-flight window and then nothing (the shell is paused); acking
// lets it run again. Without flow control the same shell floods megabytes in the same time.
// Needs the engine and the lab's base image (the first one `kubelab images build` makes).
import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labLabels } from '../engine/labels.ts';
import { FLOW_HIGH_CHARS, PtySession } from './pty-session.ts';

const IMAGE = 'kubelab/base:latest';
const docker = new Docker();
let container: Docker.Container | null = null;
let name = '';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function imagePresent(): Promise<boolean> {
  try {
    await docker.getImage(IMAGE).inspect();
    return true;
  } catch {
    return false;
  }
}

function flood(flowControl: boolean): { session: PtySession; received: () => number } {
  let received = 0;
  const session = new PtySession({
    container: name,
    home: '/',
    cols: 80,
    rows: 24,
    command: ['yes'],
    flowControl,
    onData: (chunk) => (received += chunk.length),
    onExit: () => undefined,
  });
  return { session, received: () => received };
}

describe.skipIf(!(await imagePresent()))('terminal flow control on a real shell', () => {
  beforeAll(async () => {
    name = `kubelab-it-flow-${randomUUID().slice(0, 8)}`;
    container = await docker.createContainer({
      name,
      Image: IMAGE,
      Cmd: ['sleep', 'infinity'],
      Labels: labLabels('test', 'it-flow'),
      HostConfig: { AutoRemove: false },
    });
    await container.start();
  });

  afterAll(async () => {
    await container?.remove({ force: true });
  });

  it('pauses a flood its view does not ack, and resumes it on ack', async () => {
    const { session, received } = flood(true);
    try {
      await sleep(3000);
      const first = received();
      // The window plus what was already on its way (one coalesced chunk, pty buffers).
      expect(first).toBeGreaterThan(FLOW_HIGH_CHARS);
      expect(first).toBeLessThan(FLOW_HIGH_CHARS + 512 * 1024);
      await sleep(1500);
      expect(received() - first, 'nothing new while paused').toBeLessThan(64 * 1024);
      const paused = received();
      session.ack(paused);
      await sleep(1500);
      console.log(
        `[flow] unacked view: ${first} chars in 3 s, ${paused - first} more in 1.5 s paused, ${received() - paused} in 1.5 s after the ack`,
      );
      // Everything acked: it flows until a whole window is in flight again.
      expect(received() - paused, 'flowing again after the ack').toBeGreaterThanOrEqual(
        FLOW_HIGH_CHARS,
      );
    } finally {
      session.kill();
    }
  });

  it('floods without flow control (what the pause prevents)', async () => {
    const { session, received } = flood(false);
    try {
      await sleep(3000);
      console.log(`[flow] without flow control: ${received()} chars in 3 s`);
      expect(received()).toBeGreaterThan(4 * FLOW_HIGH_CHARS);
    } finally {
      session.kill();
    }
  });
});
