// kubelab's image hints: a one-replica Deployment of lab-images/binaries/image-hints, which adds a
// Warning event "NotInLabRegistry" to a pod whose image pull fails because the lab registry does
// not hold the image, naming the fix (`kubelab images add IMAGE`). It asks the registry where
// the nodes' containerd pulls from, from a node's own network (host network): the registry's
// address on the lab network (its name registry.kubelab resolves only in the nodes' Docker DNS,
// which pods do not use).
import { stringify } from 'yaml';
import { LAB_IMAGE_REPOSITORY, componentTags } from '../../images/catalog.ts';
import type { LabConfig } from '../config.ts';

export const IMAGE_HINTS_DEPLOYMENT = 'kubelab-image-hints';
const SA = 'kubelab-image-hints';

export function imageHintsManifests(config: LabConfig): string {
  const image = `${LAB_IMAGE_REPOSITORY}/image-hints:${componentTags()['image-hints']}`;
  const labels = { 'k8s-app': IMAGE_HINTS_DEPLOYMENT, 'app.kubernetes.io/part-of': 'kubelab' };
  const docs: unknown[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: SA, namespace: 'kube-system' } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: SA },
      rules: [
        { apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch'] },
        { apiGroups: [''], resources: ['events'], verbs: ['create'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: SA },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: SA },
      subjects: [{ kind: 'ServiceAccount', name: SA, namespace: 'kube-system' }],
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: IMAGE_HINTS_DEPLOYMENT, namespace: 'kube-system', labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: { 'k8s-app': IMAGE_HINTS_DEPLOYMENT } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: SA,
            hostNetwork: true,
            priorityClassName: 'system-cluster-critical',
            tolerations: [{ operator: 'Exists' }],
            containers: [
              {
                name: 'image-hints',
                image,
                imagePullPolicy: 'IfNotPresent',
                env: [{ name: 'LAB_REGISTRY', value: `http://${config.registry.ip}:5000` }],
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  runAsNonRoot: true,
                  runAsUser: 65534,
                  capabilities: { drop: ['ALL'] },
                },
                resources: {
                  requests: { cpu: '5m', memory: '10Mi' },
                  limits: { memory: '40Mi' },
                },
              },
            ],
          },
        },
      },
    },
  ];
  return docs.map((doc) => stringify(doc)).join('---\n');
}
