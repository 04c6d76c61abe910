import { describe, expect, it } from 'vitest';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';
import { afterExit, nodeRunning } from './terminal-reconnect.ts';

describe('terminal reconnect', () => {
  it('waits for a node that is down, whatever the exit code', () => {
    expect(afterExit(137, false, false)).toBe('wait-for-node');
    expect(afterExit(0, false, true)).toBe('wait-for-node');
  });

  it('reconnects at once after an abnormal end on a running node (a quick restart)', () => {
    expect(afterExit(129, true, false)).toBe('reconnect');
  });

  it('leaves a shell the learner ended, a finished pod view, or an unknown node to the learner', () => {
    expect(afterExit(0, true, false)).toBe('ask');
    expect(afterExit(1, true, true)).toBe('ask');
    expect(afterExit(129, null, false)).toBe('ask');
  });

  it('reads whether a node runs from the lab status', () => {
    const status = {
      nodes: [
        { name: 'control-plane', containerState: 'running' },
        { name: 'worker1', containerState: 'exited' },
      ],
    } as LabStatusView;
    expect(nodeRunning(status, 'control-plane')).toBe(true);
    expect(nodeRunning(status, 'worker1')).toBe(false);
    expect(nodeRunning(status, 'worker2')).toBe(false);
  });
});
