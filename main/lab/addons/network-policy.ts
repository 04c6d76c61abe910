// NetworkPolicy, enforced: kube-router's firewall controller (iptables + ipset) as a DaemonSet,
// with its BGP router and service proxy off — the lab's CNI is the bridge plugin and kube-proxy
// keeps the Services. Why kube-router and not kind's kube-network-policies: the latter needs
// nftables' `queue` verdict, which kernels like this machine's (and Docker Desktop's) lack;
// kube-router needs only ip_set, the `set` match and `physdev` (for traffic between two pods on
// one node's bridge). See main/lab/README.md for the choice and its start-up cost.
import { stringify } from 'yaml';
import { LAB_IMAGE_REPOSITORY, componentTags } from '../../images/catalog.ts';
import type { LabConfig } from '../config.ts';

export const NETWORK_POLICY_DAEMONSET = 'kube-router';
const SA = 'kube-router';
const HEALTH_PORT = 20244;

export function networkPolicyManifests(config: LabConfig): string {
  const image = `${LAB_IMAGE_REPOSITORY}/kube-router:${componentTags()['kube-router']}`;
  const labels = { 'k8s-app': 'kube-router', 'app.kubernetes.io/part-of': 'kubelab' };
  const docs: unknown[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: SA, namespace: 'kube-system' } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'kubelab-kube-router' },
      rules: [
        {
          apiGroups: [''],
          resources: ['namespaces', 'pods', 'services', 'nodes', 'endpoints'],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: ['networking.k8s.io'],
          resources: ['networkpolicies'],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: ['discovery.k8s.io'],
          resources: ['endpointslices'],
          verbs: ['get', 'list', 'watch'],
        },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'kubelab-kube-router' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'kubelab-kube-router',
      },
      subjects: [{ kind: 'ServiceAccount', name: SA, namespace: 'kube-system' }],
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: NETWORK_POLICY_DAEMONSET, namespace: 'kube-system', labels },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-router' } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: SA,
            // it programs the node's own iptables and ipsets
            hostNetwork: true,
            priorityClassName: 'system-node-critical',
            tolerations: [{ operator: 'Exists' }],
            containers: [
              {
                name: 'kube-router',
                image,
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '--run-firewall=true',
                  '--run-router=false',
                  '--run-service-proxy=false',
                  '--enable-ipv4=true',
                  '--enable-ipv6=false',
                  `--service-cluster-ip-range=${config.serviceSubnet}`,
                  `--health-port=${HEALTH_PORT}`,
                  '--metrics-port=0',
                  '--v=0',
                ],
                env: [
                  { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
                ],
                securityContext: { privileged: true },
                livenessProbe: {
                  httpGet: { path: '/healthz', port: HEALTH_PORT },
                  initialDelaySeconds: 10,
                  periodSeconds: 5,
                },
                resources: { requests: { cpu: '20m', memory: '40Mi' } },
                volumeMounts: [
                  { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true },
                  { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
                ],
              },
            ],
            volumes: [
              {
                name: 'lib-modules',
                hostPath: { path: '/lib/modules', type: 'DirectoryOrCreate' },
              },
              {
                name: 'xtables-lock',
                hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' },
              },
            ],
          },
        },
      },
    },
  ];
  return docs.map((doc) => stringify(doc)).join('---\n');
}
