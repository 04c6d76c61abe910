// Dynamic hostPath volumes: rancher's local-path-provisioner answering to the provisioner name
// minikube uses (k8s.io/minikube-hostpath), so the StatefulSet tutorial's StorageClass `fast`
// works as written, plus the default StorageClass `standard`. It runs in shared-filesystem mode
// over the one host folder every node mounts at the same path: claims bind Immediately (the
// tutorial's class has no volumeBindingMode) and every PV is a plain folder on the learner's disk.
import { stringify } from 'yaml';
import { LAB_IMAGE_REPOSITORY, componentTags } from '../../images/catalog.ts';
import type { LabConfig } from '../config.ts';
import { API_PORT_IN_NODE } from '../kubeadm-config.ts';

export const PROVISIONER_NAME = 'k8s.io/minikube-hostpath';
export const STORAGE_NAMESPACE = 'local-path-storage';
const SA = 'local-path-provisioner-service-account';

export function storageManifests(config: LabConfig): string {
  const image = `${LAB_IMAGE_REPOSITORY}/local-path-provisioner:${componentTags()['local-path-provisioner']}`;
  const labels = { app: 'local-path-provisioner', 'app.kubernetes.io/part-of': 'kubelab' };
  const docs: unknown[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: STORAGE_NAMESPACE, labels } },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: SA, namespace: STORAGE_NAMESPACE },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'kubelab-local-path-provisioner' },
      rules: [
        {
          apiGroups: [''],
          resources: ['nodes', 'persistentvolumeclaims', 'configmaps', 'pods', 'pods/log'],
          verbs: ['get', 'list', 'watch'],
        },
        { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete', 'patch', 'update'] },
        { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['update', 'patch'] },
        {
          apiGroups: [''],
          resources: ['persistentvolumes'],
          verbs: ['get', 'list', 'watch', 'create', 'patch', 'update', 'delete'],
        },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
        {
          apiGroups: ['storage.k8s.io'],
          resources: ['storageclasses'],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: ['coordination.k8s.io'],
          resources: ['leases'],
          verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'],
        },
        {
          apiGroups: [''],
          resources: ['endpoints'],
          verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'kubelab-local-path-provisioner' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'kubelab-local-path-provisioner',
      },
      subjects: [{ kind: 'ServiceAccount', name: SA, namespace: STORAGE_NAMESPACE }],
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'local-path-config', namespace: STORAGE_NAMESPACE },
      data: {
        'config.json': JSON.stringify({ sharedFileSystemPath: config.volumesPathInNode }, null, 2),
        setup: '#!/bin/sh\nset -eu\nmkdir -m 0777 -p "$VOL_DIR"\n',
        teardown: '#!/bin/sh\nset -eu\nrm -rf "$VOL_DIR"\n',
        'helperPod.yaml': stringify({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'helper-pod' },
          spec: {
            priorityClassName: 'system-node-critical',
            tolerations: [{ operator: 'Exists' }],
            containers: [
              {
                name: 'helper-pod',
                image: 'docker.io/library/busybox:latest',
                imagePullPolicy: 'IfNotPresent',
              },
            ],
          },
        }),
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'local-path-provisioner', namespace: STORAGE_NAMESPACE, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'local-path-provisioner' } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: SA,
            priorityClassName: 'system-node-critical',
            tolerations: [{ operator: 'Exists' }],
            nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
            containers: [
              {
                name: 'local-path-provisioner',
                image,
                imagePullPolicy: 'IfNotPresent',
                command: [
                  'local-path-provisioner',
                  'start',
                  '--config',
                  '/etc/config/config.json',
                  '--provisioner-name',
                  PROVISIONER_NAME,
                  '--service-account-name',
                  SA,
                  '--helper-image',
                  'docker.io/library/busybox:latest',
                ],
                volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
                env: [
                  {
                    name: 'POD_NAMESPACE',
                    valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } },
                  },
                  { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
                  // The API server of its own node (it runs on the control plane), not the
                  // Service address: after a node restart the provisioner starts before kube-proxy
                  // has written the Service's rules, and it exits when the API is unreachable —
                  // then kubelet holds it back 10 s and more (the bench's warm-start profile).
                  {
                    name: 'KUBERNETES_SERVICE_HOST',
                    valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } },
                  },
                  { name: 'KUBERNETES_SERVICE_PORT', value: String(API_PORT_IN_NODE) },
                ],
              },
            ],
            volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
          },
        },
      },
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        labels: { 'app.kubernetes.io/part-of': 'kubelab' },
      },
      provisioner: PROVISIONER_NAME,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    },
  ];
  return docs.map((doc) => stringify(doc)).join('---\n');
}
