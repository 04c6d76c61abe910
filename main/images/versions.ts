// The pinned upstream versions, read from the one file the image builds also read
// (lab-images/binaries/versions.env), so a version is written down exactly once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesRoot } from '../paths.ts';

export interface PinnedVersions {
  kubernetes: string;
  etcd: string;
  coredns: string;
  localPathProvisioner: string;
  containerd: string;
  kubeRouter: string;
}

export function parseVersionsEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(\S+)\s*$/.exec(line);
    if (match) values[match[1]!] = match[2]!;
  }
  return values;
}

let cached: PinnedVersions | undefined;

export function pinnedVersions(): PinnedVersions {
  if (cached) return cached;
  const file = join(resourcesRoot(), 'lab-images', 'binaries', 'versions.env');
  const env = parseVersionsEnv(readFileSync(file, 'utf8'));
  const need = (key: string): string => {
    const value = env[key];
    if (!value) throw new Error(`${file} does not set ${key}`);
    return value;
  };
  cached = {
    kubernetes: need('KUBERNETES_VERSION'),
    etcd: need('ETCD_VERSION'),
    coredns: need('COREDNS_VERSION'),
    localPathProvisioner: need('LOCAL_PATH_PROVISIONER_VERSION'),
    containerd: need('CONTAINERD_VERSION'),
    kubeRouter: need('KUBE_ROUTER_VERSION'),
  };
  return cached;
}
