// How a manifest kind is written on kubectl's command line, and which kinds have no namespace.

const CLUSTER_SCOPED = new Set([
  'PersistentVolume',
  'StorageClass',
  'Node',
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
]);

/** Short names kubectl knows, used in the commands shown to learners. */
const SHORT: Record<string, string> = {
  PersistentVolumeClaim: 'pvc',
  PersistentVolume: 'pv',
  StorageClass: 'storageclass',
};

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** `Pod` → `pod`, `PersistentVolumeClaim` → `pvc`: what a learner types after `kubectl get`. */
export function resourceName(kind: string): string {
  return SHORT[kind] ?? kind.toLowerCase();
}

/** The plural a learner types to list them: `pods`, `pvc`, `endpoints`. */
export function resourcePlural(kind: string): string {
  const name = resourceName(kind);
  if (SHORT[kind] || name.endsWith('s')) return name;
  if (name.endsWith('y')) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

/** The namespace flags for kubectl: always explicit for the checker itself. */
export function namespaceArgs(kind: string, namespace: string | undefined): string[] {
  return isClusterScoped(kind) ? [] : ['-n', namespace ?? 'default'];
}

/** The namespace flag as a learner would type it: nothing for `default` or cluster-wide kinds. */
export function namespaceFlag(kind: string, namespace: string | undefined): string {
  if (isClusterScoped(kind) || namespace === undefined || namespace === 'default') return '';
  return ` -n ${namespace}`;
}
