import { describe, expect, it } from 'vitest';
import { buildJobs, runScheduled } from './build-schedule.ts';
import type { ScheduledTask } from './build-schedule.ts';

/** A task that finishes when the test says so, recording when it started. */
interface Harness {
  events: string[];
  run: (task: ScheduledTask, signal: AbortSignal) => Promise<void>;
  finish: (name: string) => Promise<void>;
  fail: (name: string) => Promise<void>;
}

function harness(): Harness {
  const events: string[] = [];
  const pending = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const run = (task: ScheduledTask, signal: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      events.push(`start ${task.name}`);
      pending.set(task.name, { resolve, reject });
      signal.addEventListener('abort', () => {
        events.push(`aborted ${task.name}`);
        reject(new Error(`${task.name} cancelled`));
      });
    });
  const finish = async (name: string): Promise<void> => {
    pending.get(name)!.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const fail = async (name: string): Promise<void> => {
    pending.get(name)!.reject(new Error(`${name} broke`));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { events, run, finish, fail };
}

const catalogue: ScheduledTask[] = [
  { name: 'base', after: [] },
  { name: 'binaries', after: [], long: true },
  { name: 'busybox', after: ['base'] },
  { name: 'ghost', after: ['base'], long: true },
  { name: 'node', after: ['base', 'binaries', 'busybox'] },
];

describe('runScheduled', () => {
  it('starts what is ready up to the job count, long tasks first, and the rest as others finish', async () => {
    const h = harness();
    const done = runScheduled(catalogue, 2, h.run, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.events).toEqual(['start binaries', 'start base']);
    await h.finish('base');
    // ghost is long: it goes before busybox although busybox comes first in the list.
    expect(h.events.at(-1)).toBe('start ghost');
    await h.finish('ghost');
    expect(h.events.at(-1)).toBe('start busybox');
    await h.finish('busybox');
    expect(h.events).not.toContain('start node');
    await h.finish('binaries');
    expect(h.events.at(-1)).toBe('start node');
    await h.finish('node');
    await expect(done).resolves.toBeUndefined();
  });

  it('with one job runs the list in order, as the sequential build did', async () => {
    const h = harness();
    const done = runScheduled(
      catalogue.map((task) => ({ ...task, long: false })),
      1,
      h.run,
      new AbortController().signal,
    );
    for (const name of ['base', 'binaries', 'busybox', 'ghost', 'node']) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await h.finish(name);
    }
    await done;
    expect(h.events).toEqual([
      'start base',
      'start binaries',
      'start busybox',
      'start ghost',
      'start node',
    ]);
  });

  it('on a failure starts nothing more, stops the running tasks and throws the first error after they settle', async () => {
    const h = harness();
    // Caught at once: the schedule rejects while the test is still ticking the tasks along.
    const outcome = runScheduled(catalogue, 3, h.run, new AbortController().signal).catch(
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    await h.finish('base');
    await h.fail('ghost');
    expect(await outcome).toEqual(new Error('ghost broke'));
    expect(h.events).toContain('aborted binaries');
    expect(h.events).toContain('aborted busybox');
    expect(h.events).not.toContain('start node');
  });

  it("the caller's cancel reaches every running task", async () => {
    const h = harness();
    const controller = new AbortController();
    const done = runScheduled(catalogue, 2, h.run, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort(new Error('stop'));
    await expect(done).rejects.toThrow();
    expect(h.events).toEqual(['start binaries', 'start base', 'aborted binaries', 'aborted base']);
  });

  it('dependencies outside the list count as finished', async () => {
    const h = harness();
    const done = runScheduled(
      [{ name: 'node', after: ['binaries'] }],
      2,
      h.run,
      new AbortController().signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    await h.finish('node');
    await done;
    expect(h.events).toEqual(['start node']);
  });
});

describe('buildJobs', () => {
  it('takes KUBELAB_BUILD_JOBS when it is a whole number from 1, else 3', () => {
    expect(buildJobs({})).toBe(3);
    expect(buildJobs({ KUBELAB_BUILD_JOBS: '1' })).toBe(1);
    expect(buildJobs({ KUBELAB_BUILD_JOBS: '0' })).toBe(3);
    expect(buildJobs({ KUBELAB_BUILD_JOBS: 'two' })).toBe(3);
    expect(buildJobs({ KUBELAB_BUILD_JOBS: '99' })).toBe(8);
  });
});
