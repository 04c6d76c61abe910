// Every image the lab runs, built here from lab-images/<folder>. The order is a valid build order
// (each image's dependencies come before it). Nothing is ever pulled: base is made from Debian
// packages, Go programs are built on the host from the Go module proxy, and workloads from
// Debian packages (and npm for Ghost) — see lab-images/README.md.

export type PrepareStep =
  /** host-side `go build` of Kubernetes and add-ons into the context's bin/ */
  | 'go-binaries'
  /** host-side npm install of Ghost into the context's app/ */
  | 'ghost-app'
  /** `docker save` of the component images into the context's images/ for preloading */
  | 'node-preload';

export interface ImageSpec {
  /** Catalogue name, also the local repository: kubelab/<name>. */
  name: string;
  /** Folder under lab-images/ holding its Dockerfile (or rootfs script). */
  folder: string;
  kind: 'rootfs' | 'dockerfile';
  /** Dockerfile target, when one folder builds several images. */
  target?: string;
  /** Build args naming other catalogue images: ARG name → image name. */
  args?: Record<string, string>;
  /** Other images whose content is an input (beyond args), e.g. preloaded images. */
  inputs?: string[];
  prepare?: PrepareStep;
  /** Names under which the cluster finds this image, e.g. "docker.io/library/nginx:latest". */
  clusterNames: string[];
  /** Served to the cluster by the lab registry (workloads) rather than preloaded in nodes. */
  mirrored: boolean;
}

import { LabError } from '../api/errors.ts';
import { pinnedVersions } from './versions.ts';

/**
 * Repository prefix of the lab's own control-plane images (kubeadm `imageRepository`). Not a
 * real registry: these images are preloaded into every node and never pulled.
 */
export const LAB_IMAGE_REPOSITORY = 'kubelab.local/k8s';
/** Our pause image is Debian's catatonit in pause mode, tagged for what it is. */
export const PAUSE_TAG = 'catatonit';

export function componentTags(): Record<string, string> {
  const v = pinnedVersions();
  return {
    pause: PAUSE_TAG,
    etcd: `${v.etcd.replace(/^v/, '')}-0`,
    'kube-apiserver': v.kubernetes,
    'kube-controller-manager': v.kubernetes,
    'kube-scheduler': v.kubernetes,
    'kube-proxy': v.kubernetes,
    coredns: v.coredns,
    'local-path-provisioner': v.localPathProvisioner,
    'kube-router': v.kubeRouter,
    // kubelab's own program (lab-images/binaries/image-hints): versioned with the image format.
    'image-hints': 'v1',
  };
}

/** The name a component image has inside the cluster (what manifests and kubelet ask for). */
export function componentRef(name: string): string {
  return `${LAB_IMAGE_REPOSITORY}/${name}:${componentTags()[name]}`;
}

const base = { BASE: 'base' };
const withBinaries = { BASE: 'base', BINARIES: 'binaries' };

function component(name: string): ImageSpec {
  return {
    name,
    folder: 'components',
    kind: 'dockerfile',
    target: name,
    args: withBinaries,
    get clusterNames() {
      return [componentRef(name)];
    },
    mirrored: false,
  };
}

function workload(name: string, clusterNames: string[], folder = name): ImageSpec {
  return { name, folder, kind: 'dockerfile', args: base, clusterNames, mirrored: true };
}

export const IMAGE_CATALOG: readonly ImageSpec[] = [
  { name: 'base', folder: 'base', kind: 'rootfs', clusterNames: [], mirrored: false },
  {
    name: 'binaries',
    folder: 'binaries',
    kind: 'dockerfile',
    prepare: 'go-binaries',
    clusterNames: [],
    mirrored: false,
  },
  component('pause'),
  component('etcd'),
  component('kube-apiserver'),
  component('kube-controller-manager'),
  component('kube-scheduler'),
  component('kube-proxy'),
  component('coredns'),
  component('local-path-provisioner'),
  component('kube-router'),
  component('image-hints'),
  workload('registry', []),
  workload('busybox', ['docker.io/library/busybox:latest']),
  {
    name: 'node',
    folder: 'node',
    kind: 'dockerfile',
    args: withBinaries,
    inputs: [
      'pause',
      'etcd',
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
      'kube-proxy',
      'coredns',
      'local-path-provisioner',
      'kube-router',
      'image-hints',
      'busybox',
    ],
    prepare: 'node-preload',
    clusterNames: [],
    mirrored: false,
  },
  workload('nginx', ['docker.io/library/nginx:latest', 'docker.io/library/nginx:alpine']),
  workload('httpd', ['docker.io/library/httpd:latest']),
  workload('debian', ['docker.io/library/debian:latest', 'docker.io/library/debian:bookworm']),
  workload('python', ['docker.io/library/python:latest', 'docker.io/library/python:3']),
  workload('curl', ['docker.io/appropriate/curl:latest', 'docker.io/curlimages/curl:latest']),
  { ...workload('ghost', ['docker.io/library/ghost:latest']), prepare: 'ghost-app' },
];

export function imageSpec(name: string): ImageSpec {
  const spec = IMAGE_CATALOG.find((image) => image.name === name);
  if (!spec) {
    const known = IMAGE_CATALOG.map((image) => image.name).join(', ');
    throw new LabError('NO_IMAGE', `There is no lab image "${name}". Known images: ${known}.`);
  }
  return spec;
}

/** The image and everything it needs, dependencies first. */
export function withDependencies(names: readonly string[]): ImageSpec[] {
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    if (wanted.has(name)) return;
    const spec = imageSpec(name);
    for (const dep of [...Object.values(spec.args ?? {}), ...(spec.inputs ?? [])]) visit(dep);
    wanted.add(name);
  };
  names.forEach(visit);
  return IMAGE_CATALOG.filter((image) => wanted.has(image.name));
}
