// kubeadm's configuration for the lab: generated, never hand-edited. Mirrors what kind writes,
// adapted to nodes that may lack CAP_SYS_RESOURCE and share a cgroup v1 host.
import { stringify } from 'yaml';
import { componentTags, LAB_IMAGE_REPOSITORY } from '../images/catalog.ts';
import { pinnedVersions } from '../images/versions.ts';
import type { LabConfig, NodeSpec } from './config.ts';
import { controlPlane } from './config.ts';

export const CRI_SOCKET = 'unix:///run/containerd/containerd.sock';
export const API_PORT_IN_NODE = 6443;
export const NODE_RESOLV_CONF = '/etc/kubelab/resolv.conf';

function kubeletConfiguration(config: LabConfig): Record<string, unknown> {
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    cgroupDriver: 'cgroupfs',
    failSwapOn: false,
    // A lab's disk is small and shared with the learner's: never evict or GC images for space.
    imageGCHighThresholdPercent: 100,
    evictionHard: {
      'nodefs.available': '0%',
      'nodefs.inodesFree': '0%',
      'imagefs.available': '0%',
    },
    // Lowering oom_score_adj needs CAP_SYS_RESOURCE, which some engines withhold from nodes.
    oomScoreAdj: 0,
    clusterDomain: config.clusterDomain,
    clusterDNS: [config.dnsServiceIp],
    // Pods with dnsPolicy Default (CoreDNS itself) get this file, not the node's: the node's
    // names Docker's 127.0.0.11, which inside a pod is the pod's own loopback (CoreDNS's loop
    // plugin then kills it). The lab is offline, so upstream is the lab network's gateway.
    resolvConf: NODE_RESOLV_CONF,
    serializeImagePulls: false,
    rotateCertificates: true,
  };
}

/**
 * How often a controller manager or scheduler that does not lead tries for the lease (kubeadm's
 * default 2 s). After a full stop kubelab deletes the dead holder's leases once the API answers
 * (actions/stale-leases.ts), and until the new controller manager takes its lease at its next
 * try, CoreDNS's EndpointSlice still names the pods of before the stop: DNS answers that much later.
 */
const LEADER_RETRY = '1s';

export function initConfig(config: LabConfig, token: string): string {
  const cp = controlPlane(config);
  const tags = componentTags();
  const documents = [
    {
      apiVersion: 'kubeadm.k8s.io/v1beta4',
      kind: 'InitConfiguration',
      bootstrapTokens: [
        {
          token,
          ttl: '0s',
          usages: ['signing', 'authentication'],
          groups: ['system:bootstrappers:kubeadm:default-node-token'],
        },
      ],
      localAPIEndpoint: { advertiseAddress: cp.ip, bindPort: API_PORT_IN_NODE },
      nodeRegistration: nodeRegistration(cp),
      // CoreDNS is installed right after init, with the lab's offline Corefile in place first
      // (up.ts ensureAddons): kubeadm's default one forwards out of the lab.
      skipPhases: ['preflight', 'addon/coredns'],
    },
    {
      apiVersion: 'kubeadm.k8s.io/v1beta4',
      kind: 'ClusterConfiguration',
      clusterName: `kubelab-${config.name}`,
      kubernetesVersion: pinnedVersions().kubernetes,
      // kubeadm makes a dozen keys in init (CA, API server, etcd, front proxy, kubeconfigs):
      // ECDSA P-256 keys take milliseconds where RSA-2048 takes ~0.1 s each on busy cores.
      encryptionAlgorithm: 'ECDSA-P256',
      imageRepository: LAB_IMAGE_REPOSITORY,
      controlPlaneEndpoint: `${cp.ip}:${API_PORT_IN_NODE}`,
      networking: {
        podSubnet: config.podNetwork,
        serviceSubnet: config.serviceSubnet,
        dnsDomain: config.clusterDomain,
      },
      etcd: { local: { imageTag: tags.etcd, dataDir: '/var/lib/etcd' } },
      dns: { imageTag: tags.coredns },
      apiServer: { certSANs: ['127.0.0.1', 'localhost', cp.ip, cp.name] },
      controllerManager: {
        // kubelab assigns pod subnets itself, in node order (10.0.1.0/24, 10.0.2.0/24, …).
        // Its informers start only once every controller has started, and starting each one
        // asks the API for a service-account token under client-side rate limits (20 qps): on a
        // fresh cluster the DaemonSet and ReplicaSet controllers waited ≈ 5 s behind the others
        // before kube-proxy's and CoreDNS's pods were even created. A lab's API server is idle.
        extraArgs: [
          { name: 'allocate-node-cidrs', value: 'false' },
          { name: 'kube-api-qps', value: '200' },
          { name: 'kube-api-burst', value: '400' },
          { name: 'leader-elect-retry-period', value: LEADER_RETRY },
        ],
      },
      scheduler: { extraArgs: [{ name: 'leader-elect-retry-period', value: LEADER_RETRY }] },
    },
    kubeletConfiguration(config),
    {
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      mode: 'iptables',
      clusterCIDR: config.podNetwork,
      oomScoreAdj: 0,
      // A node container cannot set the host's conntrack sysctls: leave them as they are.
      conntrack: { maxPerCore: 0, tcpEstablishedTimeout: '0s', tcpCloseWaitTimeout: '0s' },
      // A Service's rules follow its endpoints at once instead of at most once a second (the
      // default; 0 here would mean that default). A lab has a handful of Services, so a resync
      // per change costs nothing, and a lab coming back from a stop answers DNS ≈ 1–2 s sooner:
      // kube-proxy's first rules come before CoreDNS is Ready, and the next waited out the second.
      iptables: { minSyncPeriod: KUBE_PROXY_MIN_SYNC_PERIOD },
    },
  ];
  return documents.map((doc) => stringify(doc)).join('---\n');
}

/** kube-proxy's least time between two rule syncs (see initConfig). */
export const KUBE_PROXY_MIN_SYNC_PERIOD = '100ms';

export function joinConfig(config: LabConfig, node: NodeSpec, token: string): string {
  const cp = controlPlane(config);
  return stringify({
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'JoinConfiguration',
    discovery: {
      // The lab network is private to this machine, as in kind.
      bootstrapToken: {
        apiServerEndpoint: `${cp.ip}:${API_PORT_IN_NODE}`,
        token,
        unsafeSkipCAVerification: true,
      },
    },
    nodeRegistration: nodeRegistration(node),
    skipPhases: ['preflight'],
  });
}

function nodeRegistration(node: NodeSpec): Record<string, unknown> {
  return {
    name: node.name,
    criSocket: CRI_SOCKET,
    imagePullPolicy: 'IfNotPresent',
    kubeletExtraArgs: [{ name: 'node-ip', value: node.ip }],
    // Learners schedule onto the control plane too when a lab has one node.
    taints: [],
  };
}
