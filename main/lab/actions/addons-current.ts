// Whether kubelab's own add-ons are in the cluster as the last start applied them, read over the
// host's API client. On a start from a full stop the one `kubectl apply` of them was ≈ 4 s of a
// ≈ 14 s warm start (a process in the node doing discovery, a GET and a PATCH per object while
// the control plane boots on the same cores); when the manifest is the one recorded in lab.json,
// every object is there and the Corefile is the offline one, there is nothing for it to do.
import { createHash } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import type { KubeApi } from '../kube-api.ts';
import { ApiUnreachableError } from '../kube-api.ts';

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** What a start records in lab.json once the manifest is applied. */
export function manifestHash(manifest: string): string {
  return createHash('sha256').update(manifest).digest('hex').slice(0, 32);
}

/** The objects a multi-document manifest declares. */
export function manifestObjects(manifest: string): ObjectRef[] {
  return parseAllDocuments(manifest).flatMap((doc) => {
    const object = doc.toJS() as {
      kind?: unknown;
      metadata?: { name?: unknown; namespace?: unknown };
    } | null;
    if (typeof object?.kind !== 'string' || typeof object.metadata?.name !== 'string') return [];
    const namespace = object.metadata.namespace;
    return [
      {
        kind: object.kind,
        name: object.metadata.name,
        ...(typeof namespace === 'string' ? { namespace } : {}),
      },
    ];
  });
}

/** The live object, null when it does not exist; throws when the API cannot tell. */
export async function liveObject(api: KubeApi, ref: ObjectRef): Promise<unknown> {
  const path = await api.path(ref.kind, ref.namespace, ref.name);
  if (!path) return null; // a kind this server lacks: certainly not there
  const response = await api.get(path, 5_000);
  if (response.status === 404) return null;
  if (response.status !== 200) throw new Error(`GET ${path} answered HTTP ${response.status}`);
  return response.body;
}

/**
 * True when applying `manifest` would change nothing a start cares about: it is the manifest
 * applied last (`recordedHash`), each object it declares exists, and the CoreDNS ConfigMap holds
 * `corefile` (a learner's edit of it is undone by the apply). False whenever that cannot be
 * read from here (no host client, the API not answering): the apply decides then.
 */
export async function addonsCurrent(
  api: KubeApi | null,
  manifest: string,
  recordedHash: string | undefined,
  corefile: string,
): Promise<boolean> {
  if (!api || recordedHash !== manifestHash(manifest)) return false;
  try {
    const live = await Promise.all(manifestObjects(manifest).map((ref) => liveObject(api, ref)));
    if (live.some((object) => object === null)) return false;
    const configMap = (await liveObject(api, {
      kind: 'ConfigMap',
      name: 'coredns',
      namespace: 'kube-system',
    })) as { data?: { Corefile?: string } } | null;
    return configMap?.data?.Corefile === corefile;
  } catch (error) {
    if (error instanceof ApiUnreachableError) return false;
    throw error;
  }
}
