import { describe, expect, it } from 'vitest';
import { check, pod, runningPod } from '../test-checks.ts';
import { judgeReady, readyCommand } from './ready.ts';
import {
  deploymentReadiness,
  jobReadiness,
  podReadiness,
  statefulSetReadiness,
} from './readiness.ts';

describe('readiness of a pod', () => {
  it('is Ready when its Ready condition is True', () => {
    expect(podReadiness(runningPod('web', ['a', 'b']))).toEqual({
      ready: true,
      state: 'Running, 2/2 containers ready',
    });
  });

  it('says why it is not', () => {
    const waiting = pod(
      'web',
      {
        phase: 'Pending',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          { name: 'a', ready: false, state: { waiting: { reason: 'ImagePullBackOff' } } },
          { name: 'b', ready: true, state: { running: {} } },
        ],
      },
      { containers: ['a', 'b'] },
    );
    expect(podReadiness(waiting)).toEqual({
      ready: false,
      state: 'Pending, 1/2 containers ready (a: ImagePullBackOff)',
    });
    const pulling = pod(
      'web',
      {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'a',
            image: 'example.org/team/tool:1.0',
            ready: false,
            state: { waiting: { reason: 'ErrImagePull' } },
          },
        ],
      },
      { containers: ['a'] },
    );
    expect(podReadiness(pulling).state).toBe(
      'Pending, 0/1 containers ready (a: ErrImagePull, example.org/team/tool:1.0 is not in the lab registry (a misspelt name? an image of your own: kubelab images add example.org/team/tool:1.0))',
    );
    const unscheduled = pod('web', {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', message: '0/1 nodes are available' }],
    });
    expect(podReadiness(unscheduled).state).toBe(
      'Pending, 0/1 containers ready (not scheduled: 0/1 nodes are available)',
    );
    const leaving = runningPod('web');
    (leaving.metadata as Record<string, unknown>).deletionTimestamp = '2026-01-01T00:00:00Z';
    expect(podReadiness(leaving)).toEqual({ ready: false, state: 'Terminating' });
  });
});

describe('readiness of controllers', () => {
  it('wants a Deployment fully rolled out', () => {
    const deployment = (
      status: Record<string, number>,
      generation = 2,
    ): Record<string, unknown> => ({
      metadata: { name: 'd', generation },
      spec: { replicas: 2 },
      status: { observedGeneration: 2, ...status },
    });
    const done = { replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 };
    expect(deploymentReadiness(deployment(done))).toEqual({ ready: true, state: '2/2 ready' });
    expect(deploymentReadiness(deployment({ ...done, readyReplicas: 1 }))).toEqual({
      ready: false,
      state: '1/2 ready',
    });
    expect(deploymentReadiness(deployment({ ...done, replicas: 3, updatedReplicas: 1 }))).toEqual({
      ready: false,
      state: '2/2 ready, 1 up to date, 1 old pod(s) still running',
    });
    expect(deploymentReadiness(deployment(done, 3)).ready).toBe(false);
  });

  it('wants every StatefulSet replica ready and updated', () => {
    const set = (ready: number): Record<string, unknown> => ({
      metadata: { generation: 1 },
      spec: { replicas: 3 },
      status: { observedGeneration: 1, replicas: 3, readyReplicas: ready, updatedReplicas: 3 },
    });
    expect(statefulSetReadiness(set(3)).ready).toBe(true);
    expect(statefulSetReadiness(set(1))).toEqual({ ready: false, state: '1/3 ready' });
  });

  it('wants a Job complete', () => {
    expect(
      jobReadiness({ status: { conditions: [{ type: 'Complete', status: 'True' }] } }).ready,
    ).toBe(true);
    expect(jobReadiness({ status: { active: 1 } })).toEqual({
      ready: false,
      state: 'running: 1 active, 0 succeeded, 0 failed',
    });
  });
});

describe('ready', () => {
  it('by name: passes for a ready object, fails for a missing one', () => {
    const web = check({ type: 'ready', kind: 'Pod', name: 'web' });
    expect(judgeReady(web, [runningPod('web')]).passed).toBe(true);
    expect(judgeReady(web, [])).toEqual({
      passed: false,
      expected: 'Ready (every container ready)',
      found: 'Pod web does not exist',
    });
  });

  it('by name: a claim must be Bound', () => {
    const claim = check({ type: 'ready', kind: 'PersistentVolumeClaim', name: 'c' });
    expect(judgeReady(claim, [{ status: { phase: 'Bound' } }]).passed).toBe(true);
    expect(judgeReady(claim, [{ status: { phase: 'Pending' } }])).toMatchObject({
      passed: false,
      expected: 'Bound',
      found: 'Pending',
    });
  });

  it('by selector: every match, and at least one', () => {
    const pods = check({ type: 'ready', kind: 'Pod', selector: 'app=httpd' });
    expect(judgeReady(pods, [])).toMatchObject({
      passed: false,
      found: 'no Pod matches app=httpd',
    });
    const slow = pod('b', { phase: 'Pending' });
    expect(judgeReady(pods, [runningPod('a'), slow])).toMatchObject({
      passed: false,
      found: '1/2 ready; b: Pending, 0/1 containers ready',
    });
    expect(judgeReady(pods, [runningPod('a'), runningPod('b')]).found).toBe('2/2 ready');
  });

  it('shows kubectl get', () => {
    expect(readyCommand(check({ type: 'ready', kind: 'Deployment', name: 'httpd' }))).toBe(
      'kubectl get deployment httpd',
    );
    expect(readyCommand(check({ type: 'ready', kind: 'Pod', selector: 'app=x,tier in (a)' }))).toBe(
      `kubectl get pods -l 'app=x,tier in (a)'`,
    );
  });
});
