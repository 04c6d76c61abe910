// The lab's pull-through cache: a second Distribution registry, in proxy mode, that nodes ask
// for a docker.io image the lab registry does not hold. A proxy refuses pushes, so it cannot be
// the lab registry itself; containerd tries the hosts of certs.d/docker.io/hosts.toml in order
// and goes on to the next after a "not found", so the lab's own images (and added ones) still
// come from the lab registry first. The cache volume is shared by every lab, so an image pulled
// once stays on this machine. Whether a lab gets one is decided at each start
// (images/pull-through-setting.ts); without it, docker.io's entry is the node image's own.
import type Docker from 'dockerode';
import { labLabels } from '../engine/labels.ts';
import { imageRef } from '../images/hash.ts';
import type { LabConfig } from './config.ts';
import { CERTS_DIR } from './registry-mirrors.ts';
import { containerState } from './registry.ts';
import { writeFileInNode } from './node-exec.ts';

export const PULL_THROUGH_VOLUME = 'kubelab-pull-through-cache';
export const PULL_THROUGH_ALIAS = 'pull-through.kubelab';
const LAB_REGISTRY = 'http://registry.kubelab:5000';
const PROXY = `http://${PULL_THROUGH_ALIAS}:5000`;
/** Where the proxy's upstream is recorded on its container, to notice a changed setting. */
const UPSTREAM_LABEL = 'io.kubelab.pull-through-upstream';

export const pullThroughContainer = (config: LabConfig): string =>
  `kubelab-${config.name}-pull-through`;

/** .3 of the lab network (.1 gateway, .2 lab registry, .11 and up nodes). */
export function pullThroughIp(config: LabConfig): string {
  return config.registry.ip.replace(/\.\d+$/, '.3');
}

/** docker.io's entry in every node: the lab registry first, then the proxy when there is one. */
export function dockerIoHostsToml(withProxy: boolean): string {
  const lines = [
    withProxy
      ? '# docker.io images come from the lab registry; one it does not hold comes through the'
      : '# Every docker.io image comes from the lab registry. There is no fallback: this lab',
    withProxy
      ? '# pull-through cache (kubelab images pull-through), which asks the upstream once.'
      : '# started offline, or with pull-through off (kubelab images pull-through).',
    `server = "${LAB_REGISTRY}"`,
    '',
    `[host."${LAB_REGISTRY}"]`,
    '  capabilities = ["pull", "resolve"]',
  ];
  if (withProxy) lines.push('', `[host."${PROXY}"]`, '  capabilities = ["pull", "resolve"]');
  return `${lines.join('\n')}\n`;
}

export function writeDockerIoEntry(
  client: Docker,
  container: string,
  withProxy: boolean,
): Promise<string> {
  return writeFileInNode(
    client,
    container,
    `${CERTS_DIR}/docker.io/hosts.toml`,
    dockerIoHostsToml(withProxy),
  );
}

/** Starts (or creates, or recreates for another upstream) the lab's proxy on its network. */
export async function ensurePullThrough(
  client: Docker,
  config: LabConfig,
  upstream: string,
): Promise<void> {
  const name = pullThroughContainer(config);
  let info = await containerState(client, name);
  if (info && info.Config.Labels?.[UPSTREAM_LABEL] !== upstream) {
    await client.getContainer(name).remove({ force: true });
    info = null;
  }
  if (!info) {
    await client.createVolume({ Name: PULL_THROUGH_VOLUME, Labels: labLabels('pull-through') });
    await client.createContainer({
      name,
      Image: await imageRef('registry'),
      Labels: { ...labLabels('pull-through', config.name), [UPSTREAM_LABEL]: upstream },
      // Distribution's proxy mode, set through its environment overrides of config.yml.
      Env: [`REGISTRY_PROXY_REMOTEURL=${upstream}`],
      HostConfig: {
        Binds: [`${PULL_THROUGH_VOLUME}:/var/lib/registry`],
        RestartPolicy: { Name: 'no' },
        NetworkMode: config.network.name,
      },
      NetworkingConfig: {
        EndpointsConfig: {
          [config.network.name]: {
            IPAMConfig: { IPv4Address: pullThroughIp(config) },
            Aliases: [PULL_THROUGH_ALIAS],
          },
        },
      },
    });
    info = await containerState(client, name);
  }
  if (!info?.State.Running) await client.getContainer(name).start();
}

/** Removes the lab's proxy (a start with pull-through off, or offline). The cache stays. */
export async function removePullThrough(client: Docker, config: LabConfig): Promise<boolean> {
  const name = pullThroughContainer(config);
  if (!(await containerState(client, name))) return false;
  await client.getContainer(name).remove({ force: true });
  return true;
}
