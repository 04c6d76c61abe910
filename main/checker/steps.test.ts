// The pure rules around steps: how long checks and waits may take (which steps `solve` runs is
// the learner's: main/learner/steps.test.ts).
import { describe, expect, it } from 'vitest';
import { checkTimeoutMs } from './check-step.ts';
import { waitSeconds } from './actions.ts';
import { check } from './test-checks.ts';

describe('how long checks wait', () => {
  const ready = check({ type: 'ready', kind: 'Pod', name: 'web', timeoutSeconds: 180 });
  const http = check({ type: 'http', from: { node: 'worker1' }, url: 'http://x/' });

  it('interactive: object checks briefly, probes once', () => {
    expect(checkTimeoutMs(ready, { wait: false })).toBe(4000);
    expect(checkTimeoutMs(ready, { wait: false, briefSeconds: 0 })).toBe(0);
    expect(checkTimeoutMs(http, { wait: false })).toBe(0);
  });

  it('fully: ready checks their own timeout, others a settle time', () => {
    expect(checkTimeoutMs(ready, { wait: true })).toBe(180_000);
    expect(checkTimeoutMs(http, { wait: true })).toBe(60_000);
  });

  it('wait actions: their own timeout, else the ready check’s, else 120 s', () => {
    expect(waitSeconds({ wait: ready, timeoutSeconds: 30 })).toBe(30);
    expect(waitSeconds({ wait: ready })).toBe(180);
    expect(waitSeconds({ wait: http })).toBe(120);
  });
});
