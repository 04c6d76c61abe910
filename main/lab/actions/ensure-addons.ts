// Idempotent repairs of what a learner may have deleted — kubeadm's add-ons (its cluster
// configuration, CoreDNS, kube-proxy) and kubelab's (storage, NetworkPolicy, image hints) — run on every
// `up`. What to restore is decided by addonRepairs from one listing of kube-system.
import type Docker from 'dockerode';
import type { LabConfig } from '../config.ts';
import { controlPlane } from '../config.ts';
import {
  corednsAddonManifest,
  corednsConfigMap,
  OFFLINE_COREFILE,
  READINESS_PERIOD_SECONDS,
} from '../addons/coredns.ts';
import { imageHintsManifests } from '../addons/image-hints.ts';
import { networkPolicyManifests } from '../addons/network-policy.ts';
import { storageManifests } from '../addons/storage.ts';
import { applyManifest, kubectlOk } from '../cluster.ts';
import { ApiUnreachableError, kubeApiFor } from '../kube-api.ts';
import type { KubeApi } from '../kube-api.ts';
import { nodeSh } from '../node-exec.ts';
import { addonsCurrent, liveObject, manifestHash } from './addons-current.ts';

/** What ensureAddons looks for in kube-system, as `kind/name`. */
export const ADDON_OBJECTS = [
  'configmap/kubeadm-config',
  'deployment/coredns',
  'service/kube-dns',
  'daemonset/kube-proxy',
] as const;

/** The objects named in `kubectl get … -o name` output, as `kind/name`. */
export function presentObjects(output: string): Set<string> {
  return new Set(
    output
      .split('\n')
      // `deployment.apps/coredns` → `deployment/coredns`
      .map((line) => line.trim().replace(/^([a-z]+)\.[^/]*\//, '$1/')),
  );
}

export type AddonRepair = 'kubeadm-config' | 'coredns' | 'kube-proxy';

/** What must be restored, in the order it is restored (kubeadm's configuration first). */
export function addonRepairs(present: ReadonlySet<string>): AddonRepair[] {
  const repairs: AddonRepair[] = [];
  if (!present.has('configmap/kubeadm-config')) repairs.push('kubeadm-config');
  if (!present.has('deployment/coredns') || !present.has('service/kube-dns')) {
    repairs.push('coredns');
  }
  if (!present.has('daemonset/kube-proxy')) repairs.push('kube-proxy');
  return repairs;
}

/** `kubectl apply` changed the Corefile: the running CoreDNS pods must read it again. */
export function corefileChanged(applyOutput: string): boolean {
  const line = /^configmap\/coredns .*$/m.exec(applyOutput)?.[0] ?? '';
  return !/ unchanged$/.test(line);
}

/**
 * kubeadm's CoreDNS add-on (Deployment, Service, RBAC) with the lab's offline Corefile
 * (addons/coredns.ts) put in place first: kubeadm's default forwards to the node's resolver —
 * the lab gateway, i.e. out of the lab — and its `loop` probe went there the moment CoreDNS
 * started. kubeadm prints its manifests and kubelab applies them with its own changes, so the
 * Deployment is created once, as it stays. (kubeadm init skips this add-on for that reason,
 * see kubeadm-config.ts.)
 */
export async function installCoreDns(client: Docker, config: LabConfig): Promise<void> {
  await applyManifest(client, config, corednsConfigMap());
  const printed = await nodeSh(
    client,
    controlPlane(config).container,
    'kubeadm init phase addon coredns --print-manifest --config /kind/kubeadm.yaml',
  );
  await applyManifest(client, config, corednsAddonManifest(printed));
}

const REPAIRS: Record<
  AddonRepair,
  { message: string; run: (client: Docker, config: LabConfig) => Promise<unknown> }
> = {
  'kubeadm-config': {
    message: "restoring kubeadm's cluster configuration",
    run: (client, config) =>
      nodeSh(
        client,
        controlPlane(config).container,
        'kubeadm init phase upload-config all --config /kind/kubeadm.yaml && kubeadm init phase bootstrap-token --config /kind/kubeadm.yaml',
      ),
  },
  coredns: { message: 'restoring CoreDNS', run: installCoreDns },
  'kube-proxy': {
    message: 'restoring kube-proxy',
    run: (client, config) =>
      nodeSh(
        client,
        controlPlane(config).container,
        'kubeadm init phase addon kube-proxy --config /kind/kubeadm.yaml',
      ),
  },
};

const COREDNS_READINESS_PATCH = {
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'coredns', readinessProbe: { periodSeconds: READINESS_PERIOD_SECONDS } },
        ],
      },
    },
  },
};

/** The API server's Service address: the first of the service subnet (10.96.0.1). */
export function apiServiceIp(serviceSubnet: string): string {
  const [base] = serviceSubnet.split('/') as [string];
  const parts = base.split('.').map(Number);
  parts[3] = (parts[3] ?? 0) + 1;
  return parts.join('.');
}

/**
 * Waits (up to 30 s) until kube-proxy on a node (the control plane's by default) has written the NAT rule for the
 * API server's Service. CoreDNS and the storage provisioner talk to the API through that address:
 * started before the rule, CoreDNS's client backs off and the provisioner exits and sits out
 * kubelet's crash back-off — about 17 s of a cold start (bench profile). One exec, polling inside.
 */
export async function waitForApiServiceRule(
  client: Docker,
  config: LabConfig,
  container = controlPlane(config).container,
): Promise<void> {
  const ip = apiServiceIp(config.serviceSubnet);
  await nodeSh(
    client,
    container,
    `for i in $(seq 1 300); do iptables-save -t nat 2>/dev/null | grep -q -- '-d ${ip}/32 ' && exit 0; sleep 0.1; done; echo 'kube-proxy has not written the rule for ${ip} within 30 s'; exit 1`,
  );
}

const KINDS: Record<string, string> = {
  configmap: 'ConfigMap',
  deployment: 'Deployment',
  service: 'Service',
  daemonset: 'DaemonSet',
};

/**
 * Which of ADDON_OBJECTS exist: GETs over the host's client (a few ms each), else one kubectl
 * call in the node (each docker exec of kubectl costs 0.3–1 s while the control plane boots).
 */
async function presentAddonObjects(
  client: Docker,
  config: LabConfig,
  api: KubeApi | null,
): Promise<Set<string>> {
  if (api) {
    try {
      const found = await Promise.all(
        ADDON_OBJECTS.map(async (object) => {
          const [kind, name] = object.split('/') as [string, string];
          const ref = { kind: KINDS[kind]!, name, namespace: 'kube-system' };
          return (await liveObject(api, ref)) === null ? null : object;
        }),
      );
      return new Set(found.filter((object) => object !== null));
    } catch (error) {
      if (!(error instanceof ApiUnreachableError)) throw error;
    }
  }
  const listing = await kubectlOk(client, config, [
    'get',
    '-n',
    'kube-system',
    ...ADDON_OBJECTS,
    '--ignore-not-found',
    '-o',
    'name',
  ]);
  return presentObjects(listing);
}

/**
 * Idempotent repairs of what a learner may have deleted: kubeadm's add-ons and ours. Returns the
 * hash of kubelab's add-on manifest now in the cluster, for lab.json (`appliedHash` next time:
 * a start whose manifest is unchanged and fully present skips its apply).
 */
export async function ensureAddons(
  client: Docker,
  config: LabConfig,
  report: (message: string) => void,
  options: { fromFullStop: boolean; appliedHash?: string | undefined } = { fromFullStop: false },
): Promise<string> {
  const api = await kubeApiFor(config);
  const repairs = addonRepairs(await presentAddonObjects(client, config, api));
  // kube-proxy first: what follows needs its rule for the API server's Service.
  for (const repair of repairs.filter((r) => r !== 'coredns')) {
    report(REPAIRS[repair].message);
    await REPAIRS[repair].run(client, config);
  }
  // CoreDNS and the provisioner, when this start creates them (a new lab; a learner deleted
  // CoreDNS), must start after kube-proxy's rule for the API server's Service. Restarted from a
  // full stop, their pods exist already and the ready phase waits for DNS anyway: waiting here
  // only held the applies below back (≈ 2 s of a warm start).
  const corednsMissing = repairs.includes('coredns');
  if (corednsMissing || !options.fromFullStop) {
    report("waiting for kube-proxy's rule for the API server's Service");
    await waitForApiServiceRule(client, config);
  }
  if (corednsMissing) {
    report(REPAIRS.coredns.message);
    await REPAIRS.coredns.run(client, config);
  }
  const manifest = [
    corednsConfigMap(),
    storageManifests(config),
    networkPolicyManifests(config),
    imageHintsManifests(config),
  ].join('---\n');
  if (
    repairs.length === 0 &&
    (await addonsCurrent(api, manifest, options.appliedHash, OFFLINE_COREFILE))
  ) {
    report('kubelab’s add-ons are as the last start applied them');
    return manifestHash(manifest);
  }
  // One apply for the offline Corefile and kubelab's own add-ons (each kubectl call is a process
  // in the node), and beside it the readiness patch: kubeadm's CoreDNS probes readiness every
  // 10 s, so a started lab waited up to 10 s for DNS that was already answering (measured by
  // `kubelab bench`: exactly 10.0 s of a warm start). installCoreDns creates it with the short
  // period already; the patch brings labs created before that to it, once, and is "no change"
  // everywhere else.
  report(
    'offline Corefile, storage provisioner, NetworkPolicy controller (kube-router), image hints',
  );
  const [applied] = await Promise.all([
    applyManifest(client, config, manifest),
    kubectlOk(client, config, [
      '-n',
      'kube-system',
      'patch',
      'deployment',
      'coredns',
      '--type=strategic',
      '-p',
      JSON.stringify(COREDNS_READINESS_PATCH),
    ]),
  ]);
  // The offline Corefile was in place already, unless a learner changed it or kubeadm put its
  // default back; then the running pods must read it again.
  if (corefileChanged(applied)) {
    report('CoreDNS: offline Corefile');
    await kubectlOk(client, config, [
      '-n',
      'kube-system',
      'rollout',
      'restart',
      'deployment',
      'coredns',
    ]);
  }
  return manifestHash(manifest);
}
