// The checker's object reads over HTTPS against a real lab answer exactly what `kubectl get -o
// json` in the control-plane node answers — one object of each scope, a list with a label
// selector (items carrying kind and apiVersion, as kubectl's do), a missing object (null) and a
// kind the server does not know (kubectl's words) — and a stopped API server is a lab problem.
// Slow (a lab); run alone with `npx vitest run --project integration main/checker/lab-io`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { applyManifest, kubectlOk } from '../lab/cluster.ts';
import { labDown } from '../lab/down.ts';
import { existingLabConfig } from '../lab/state.ts';
import { labUp } from '../lab/up.ts';
import { ClusterProblemError } from './cluster-problem.ts';
import { check } from './test-checks.ts';
import { evaluateReady } from './checks/ready.ts';
import { KubectlError, getObject, listObjects } from './lab-io.ts';
import type { LabContext } from './lab-io.ts';

const client = docker();
const lab = 'lab-io-it';
let ctx: LabContext;

const MANIFESTS = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  terminationGracePeriodSeconds: 0
  containers: [{name: main, image: nginx}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  selector: {matchLabels: {app: db}}
  serviceName: db
  replicas: 1
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: main, image: nginx}]}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: no-such-class
        resources: {requests: {storage: 1Gi}}
`;

const viaKubectl = async (args: string[]): Promise<unknown> =>
  JSON.parse(await kubectlOk(client, ctx.config, [...args, '-o', 'json']));

describe('checker reads straight from the API server', () => {
  beforeAll(async () => {
    await labUp(client, { lab, nodes: 1 });
    ctx = { client, lab, config: await existingLabConfig(lab) };
    await applyManifest(client, ctx.config, MANIFESTS);
  }, 600_000);
  afterAll(() => labDown(client, { lab, purge: true, data: true }), 300_000);

  it('one object, namespaced or cluster-wide, as kubectl gets it', async () => {
    for (const [kind, name, namespace] of [
      ['Pod', 'web', 'default'],
      ['NetworkPolicy', 'deny-all', 'default'],
      ['StorageClass', 'standard', undefined],
      ['Node', 'control-plane', undefined],
      ['Deployment', 'coredns', 'kube-system'],
    ] as const) {
      const api = await getObject(ctx, kind, name, namespace);
      const cli = await viaKubectl([
        'get',
        kind.toLowerCase(),
        name,
        ...(namespace ? ['-n', namespace] : []),
      ]);
      const version = (o: unknown): unknown =>
        (o as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
      // Same object at the same version (a Node's status may move between the two reads).
      if (version(api) === version(cli)) expect(api).toEqual(cli);
      else expect((api as { metadata: unknown }).metadata).toMatchObject({ name });
    }
  }, 60_000);

  it('a list with a selector, items with kind and apiVersion', async () => {
    const items = await listObjects(ctx, 'Pod', { namespace: 'default', selector: 'app=web' });
    expect(
      items.map((item) => [item.kind, item.apiVersion, (item.metadata as { name: string }).name]),
    ).toEqual([['Pod', 'v1', 'web']]);
    expect(await listObjects(ctx, 'Pod', { namespace: 'default', selector: 'app=none' })).toEqual(
      [],
    );
  }, 30_000);

  it("a missing object is null; an unknown kind is kubectl's error", async () => {
    expect(await getObject(ctx, 'Pod', 'nope', 'default')).toBeNull();
    expect(await getObject(ctx, 'Pod', 'web', 'no-such-namespace')).toBeNull();
    await expect(getObject(ctx, 'Gadget', 'x', 'default')).rejects.toThrow(KubectlError);
    await expect(getObject(ctx, 'Gadget', 'x', 'default')).rejects.toThrow(
      'the server doesn\'t have a resource type "gadget"',
    );
  }, 30_000);

  it('a workload that is not ready says which pod waits, and for which claim', async () => {
    const db = check({ type: 'ready', kind: 'StatefulSet', name: 'db' });
    const deadline = Date.now() + 30_000;
    let found = '';
    // The claim's ProvisioningFailed event comes a moment after the claim itself.
    while (Date.now() < deadline && !found.includes('ProvisioningFailed')) {
      found = (await evaluateReady(ctx, db)).found;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(found).toMatch(/^0\/1 ready — db-0: Pending, 0\/1 containers ready \(not scheduled: /);
    expect(found).toContain(
      'its claim data-db-0 is Pending (ProvisioningFailed: storageclass.storage.k8s.io "no-such-class" not found)',
    );
  }, 60_000);

  it('a stopped API server is a lab problem that names kubelab up', async () => {
    await labDown(client, { lab, purge: false, data: false });
    const error = await getObject(ctx, 'Pod', 'web', 'default').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterProblemError);
    expect((error as ClusterProblemError).message).toMatch(/does not answer|Cannot run commands/);
  }, 120_000);
});
