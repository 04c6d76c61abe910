// `kubelab reset`: back to a clean cluster in seconds, without recreating nodes. Removes what
// learners make — every object in non-system namespaces, learner objects in `default`, PVs,
// PVCs, extra StorageClasses — in one kubectl script inside the control plane. `data` also
// empties the learner's /mnt and dynamic-volume folders on the host.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { STORAGE_NAMESPACE } from './addons/storage.ts';
import { ADMIN_KUBECONFIG } from './cluster.ts';
import type { LabConfig } from './config.ts';
import { controlPlane } from './config.ts';
import { withLabLock } from './lock.ts';
import { nodeSh } from './node-exec.ts';
import { readLab } from './state.ts';

export const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  STORAGE_NAMESPACE,
];

/** Kinds a learner creates in `default`; the apiserver's own objects are spared by name. */
const DEFAULT_NAMESPACE_KINDS = [
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'jobs',
  'cronjobs',
  'pods',
  'persistentvolumeclaims',
  'configmaps',
  'secrets',
  'services',
  'endpoints',
  'endpointslices',
  'ingresses',
  'networkpolicies',
  'serviceaccounts',
  'roles',
  'rolebindings',
  'poddisruptionbudgets',
  'horizontalpodautoscalers',
  'limitranges',
  'resourcequotas',
];

/**
 * The ConfigMap in which the checker records which scenario setups ran on the cluster; the
 * reset deletes it so that a clean cluster gets its setups again.
 */
export const SETUP_RECORD = { name: 'kubelab-setup', namespace: 'kube-system' } as const;

export function resetScript(): string {
  const keepNs = SYSTEM_NAMESPACES.join('|');
  return `set -u
export KUBECONFIG=${ADMIN_KUBECONFIG}
k() { kubectl "$@" --ignore-not-found --wait=false 2>&1 | grep -v '^No resources found' || true; }
# Namespaces learners made (their contents go with them).
for ns in $(kubectl get ns -o jsonpath='{.items[*].metadata.name}'); do
  case "$ns" in ${keepNs}) ;; *) k delete ns "$ns" ;; esac
done
# Learner objects in default: everything but the API server's own (by field selector: kubectl
# refuses --all together with one).
k delete -n default ${DEFAULT_NAMESPACE_KINDS.join(',')} --grace-period=0 --force \\
  --field-selector 'metadata.name!=kubernetes,metadata.name!=kube-root-ca.crt,metadata.name!=default'
# The record of which scenario setups ran: a clean cluster runs them again.
k delete -n ${SETUP_RECORD.namespace} configmap ${SETUP_RECORD.name}
# Cluster-scoped storage objects; the lab's default StorageClass stays.
k delete pv --all --grace-period=0 --force
for sc in $(kubectl get storageclass -o jsonpath='{.items[*].metadata.name}'); do
  [ "$sc" = standard ] || k delete storageclass "$sc"
done
# Pods that finish terminating are what the learner sees next: wait for them (bounded).
for i in $(seq 1 40); do
  n=$(kubectl get pods -n default --no-headers 2>/dev/null | wc -l)
  [ "$n" = 0 ] && break
  sleep 0.25
done
# PVs held by a finalizer (protection of a claim that is going away) must not block the reset.
for pv in $(kubectl get pv -o jsonpath='{.items[*].metadata.name}'); do
  kubectl patch pv "$pv" --type=merge -p '{"metadata":{"finalizers":null}}' >/dev/null 2>&1 || true
done
`;
}

async function emptyFolder(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(entries.map((entry) => rm(join(dir, entry), { recursive: true, force: true })));
}

export async function emptyLearnerData(config: LabConfig): Promise<void> {
  for (const node of config.nodes) await emptyFolder(node.hostDirs.mnt);
  await emptyFolder(config.volumesDir);
}

export async function labReset(
  client: Docker,
  lab: string,
  data: boolean,
): Promise<{ seconds: number }> {
  return withLabLock(lab, 'kubelab reset', async () => {
    const started = Date.now();
    const opened = await readLab(lab);
    if (!opened?.state.bootstrapped) {
      throw new LabError('NO_LAB', `Lab "${lab}" is not running.`, {
        fix: `Start it with \`kubelab up --lab ${lab}\`.`,
      });
    }
    const { config } = opened;
    await nodeSh(client, controlPlane(config).container, resetScript());
    if (data) await emptyLearnerData(config);
    return { seconds: (Date.now() - started) / 1000 };
  });
}
