import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../lab-io.ts';
import { pod, runningPod } from '../test-checks.ts';
import { explainPods, selectorOf } from './why-not-ready.ts';

function event(
  kind: string,
  name: string,
  type: string,
  reason: string,
  message: string,
  at: string,
): KubeObject {
  return { involvedObject: { kind, name }, type, reason, message, lastTimestamp: at };
}

function withClaim(object: KubeObject, claimName: string): KubeObject {
  return {
    ...object,
    spec: {
      ...(object.spec as object),
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName } }],
    },
  };
}

const unscheduled = withClaim(
  pod('apache-http-0', {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        message: 'pod has unbound immediate PersistentVolumeClaims',
      },
    ],
  }),
  'www-apache-http-0',
);
const pendingClaim: KubeObject = {
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'www-apache-http-0' },
  status: { phase: 'Pending' },
};

describe('why a workload is not ready', () => {
  it('names the claim a pod waits for, with the claim’s newest event', () => {
    const events = [
      event(
        'PersistentVolumeClaim',
        'www-apache-http-0',
        'Normal',
        'ExternalProvisioning',
        'waiting for a volume to be created by the external provisioner "k8s.io/minikube-hostpath"',
        '2026-12-04T10:00:05Z',
      ),
      event(
        'PersistentVolumeClaim',
        'www-apache-http-0',
        'Warning',
        'ProvisioningFailed',
        'an older failure',
        '2026-12-04T10:00:01Z',
      ),
      // The scheduler's complaint is in the pod's state already: not repeated.
      event(
        'Pod',
        'apache-http-0',
        'Warning',
        'FailedScheduling',
        'pod has unbound immediate PersistentVolumeClaims',
        '2026-12-04T10:00:02Z',
      ),
    ];
    expect(explainPods([unscheduled], [pendingClaim], events, true)).toBe(
      'apache-http-0: Pending, 0/1 containers ready (not scheduled: pod has unbound immediate PersistentVolumeClaims); ' +
        'its claim www-apache-http-0 is Pending (ExternalProvisioning: waiting for a volume to be created by the external provisioner "k8s.io/minikube-hostpath")',
    );
  });

  it('gives a pod’s newest warning, and says when its claim does not exist', () => {
    const pulling = withClaim(
      pod('web-1', {
        phase: 'Pending',
        containerStatuses: [
          { name: 'main', ready: false, state: { waiting: { reason: 'ContainerCreating' } } },
        ],
      }),
      'data-web-1',
    );
    const events = [
      event(
        'Pod',
        'web-1',
        'Warning',
        'FailedMount',
        'MountVolume.SetUp failed',
        '2026-12-04T10:00:09Z',
      ),
      event('Pod', 'web-1', 'Normal', 'Scheduled', 'assigned', '2026-12-04T10:00:10Z'),
      event('Pod', 'web-2', 'Warning', 'Failed', 'another pod', '2026-12-04T10:00:11Z'),
    ];
    expect(explainPods([pulling], [], events, true)).toBe(
      'web-1: Pending, 0/1 containers ready (main: ContainerCreating); FailedMount: MountVolume.SetUp failed; its claim data-web-1 does not exist',
    );
  });

  it('for a pod check, adds only what its state does not already say', () => {
    const bound = withClaim(pod('db', { phase: 'Pending' }), 'data');
    const claim = { metadata: { name: 'data' }, status: { phase: 'Bound' } };
    expect(explainPods([bound], [claim], [], false)).toBe('');
    expect(explainPods([runningPod('a'), bound], [claim], [], true)).toBe(
      'a: Running, 1/1 containers ready | db: Pending, 0/1 containers ready',
    );
  });

  it('clips long event messages to one short line', () => {
    const long = `line one\n${'x'.repeat(400)}`;
    const events = [event('Pod', 'web', 'Warning', 'Failed', long, '2026-12-04T10:00:00Z')];
    const text = explainPods([pod('web', { phase: 'Pending' })], [], events, false);
    expect(text.startsWith('web; Failed: line one xxx')).toBe(true);
    expect(text.length).toBeLessThan(230);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('selectorOf', () => {
  it('turns matchLabels into a label selector', () => {
    expect(selectorOf({ spec: { selector: { matchLabels: { app: 'httpd', tier: 'web' } } } })).toBe(
      'app=httpd,tier=web',
    );
    expect(selectorOf({ spec: { selector: { matchExpressions: [] } } })).toBeNull();
    expect(selectorOf({})).toBeNull();
  });
});
