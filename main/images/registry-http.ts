// The few calls of the Distribution API that a push needs, against a registry on loopback:
// upload a blob (streamed, its digest computed on the way), then put a manifest under a tag.
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Readable, Transform } from 'node:stream';
import { text } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fetchWithin } from '../abort-after.ts';
import { LabError } from '../api/errors.ts';

export interface PushedBlob {
  digest: string;
  size: number;
  /** Its bytes start like gzip (a compressed layer). */
  gzip: boolean;
}

function pushFailed(what: string, detail: string): LabError {
  return new LabError('REGISTRY_PUSH_FAILED', `The lab registry refused ${what}: ${detail}.`);
}

async function refusal(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  return `HTTP ${response.status}${body ? ` ${body.slice(0, 300).trim()}` : ''}`;
}

/**
 * PATCHes a stream to the upload URL with node:http. fetch() was tried first: its body goes
 * through a web stream, and a 400 MiB layer crawled at ≈ 50 MB/s with the CPU busy converting.
 */
async function patchStream(
  url: URL,
  body: Readable,
): Promise<{ status: number; location: string | undefined; body: string }> {
  const request = (url.protocol === 'https:' ? https : http).request(url, {
    method: 'PATCH',
    headers: { 'content-type': 'application/octet-stream' },
  });
  const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  await pipeline(body, request);
  const response = await answered;
  // The registry's answer to a PATCH is a few bytes (an error's JSON at most).
  const answer = (await text(response)).slice(0, 300);
  return { status: response.statusCode ?? 0, location: response.headers.location, body: answer };
}

/** Uploads one blob from a stream (PATCH, then PUT with the digest its bytes turned out to have). */
export async function uploadBlob(
  base: string,
  repository: string,
  bytes: Readable,
): Promise<PushedBlob> {
  const start = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  await start.body?.cancel();
  const location = start.headers.get('location');
  if (start.status !== 202 || !location)
    throw pushFailed(`an upload to ${repository}`, `HTTP ${start.status}`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const counted = bytes.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        if (head.length < 2) head = Buffer.concat([head, chunk.subarray(0, 2)]);
        size += chunk.length;
        done(null, chunk);
      },
    }),
  );
  const uploadUrl = new URL(location, base);
  const patched = await patchStream(uploadUrl, counted);
  if (patched.status !== 202)
    throw pushFailed(`a layer of ${repository}`, `HTTP ${patched.status} ${patched.body}`.trim());
  const digest = `sha256:${hash.digest('hex')}`;
  const done = new URL(patched.location ?? uploadUrl.href, base);
  done.searchParams.set('digest', digest);
  const put = await fetch(done, { method: 'PUT', headers: { 'content-length': '0' } });
  if (put.status !== 201) throw pushFailed(`a layer of ${repository}`, await refusal(put));
  await put.body?.cancel();
  return { digest, size, gzip: head[0] === 0x1f && head[1] === 0x8b };
}

/**
 * Makes a blob the registry holds under `from` part of `repository` too, without its bytes
 * (cross-repository mount). False when the registry would not mount it.
 */
export async function mountBlob(
  base: string,
  repository: string,
  digest: string,
  from: string,
): Promise<boolean> {
  const url = `${base}/v2/${repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
  const response = await fetch(url, { method: 'POST' });
  await response.body?.cancel();
  if (response.status === 201) return true;
  // 202: it opened an ordinary upload instead — close that session, nothing was mounted.
  const location = response.headers.get('location');
  if (response.status === 202 && location) {
    const cancelled = await fetch(new URL(location, base), { method: 'DELETE' });
    await cancelled.body?.cancel();
    return false;
  }
  throw pushFailed(`a layer of ${repository}`, `HTTP ${response.status}`);
}

/** Puts a manifest under a tag; returns the digest the registry gave it. */
export async function putManifest(
  base: string,
  repository: string,
  tag: string,
  mediaType: string,
  manifest: string,
): Promise<string> {
  const response = await fetch(`${base}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: manifest,
  });
  if (response.status !== 201)
    throw pushFailed(`the manifest of ${repository}:${tag}`, await refusal(response));
  await response.body?.cancel();
  return response.headers.get('docker-content-digest') ?? '';
}

const SINGLE_MANIFESTS = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];
const INDEXES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/** The digest the registry holds for a tag, or null when it holds none. */
export async function manifestDigest(
  base: string,
  repository: string,
  tag: string,
): Promise<string | null> {
  try {
    const response = await fetchWithin(`${base}/v2/${repository}/manifests/${tag}`, 10_000, {
      method: 'HEAD',
      headers: { accept: [...SINGLE_MANIFESTS, ...INDEXES].join(', ') },
    });
    return response.ok ? (response.headers.get('docker-content-digest') ?? '') : null;
  } catch {
    return null;
  }
}

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
}

/** One image's manifest as the registry holds it: its config and layers, and its exact bytes. */
export interface ImageManifest {
  config: Descriptor;
  layers: Descriptor[];
  mediaType: string;
  /** As served: its SHA-256 is the digest pods and the record name. */
  bytes: Buffer;
}

function readFailed(what: string, detail: string): LabError {
  return new LabError(
    'REGISTRY_READ_FAILED',
    `The lab registry could not give ${what}: ${detail}.`,
  );
}

/**
 * The single-platform manifest under `repository:tag`. An index (several platforms) is refused:
 * kubelab puts only single images there (`images add` pushes one platform).
 */
export async function readImageManifest(
  base: string,
  repository: string,
  tag: string,
): Promise<ImageManifest> {
  const response = await fetchWithin(`${base}/v2/${repository}/manifests/${tag}`, 30_000, {
    headers: { accept: [...SINGLE_MANIFESTS, ...INDEXES].join(', ') },
  });
  if (!response.ok) throw readFailed(`${repository}:${tag}`, await refusal(response));
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (INDEXES.includes(type))
    throw readFailed(`${repository}:${tag}`, 'it is a multi-platform index, not one image');
  const bytes = Buffer.from(await response.arrayBuffer());
  let parsed: Partial<Pick<ImageManifest, 'config' | 'layers'>>;
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as typeof parsed;
  } catch {
    parsed = {};
  }
  if (!parsed.config?.digest || !Array.isArray(parsed.layers))
    throw readFailed(
      `${repository}:${tag}`,
      `its manifest (${type || 'no type'}) names no config and layers`,
    );
  return { config: parsed.config, layers: parsed.layers, mediaType: type, bytes };
}

/** A blob's bytes, streamed. */
export async function readBlob(
  base: string,
  repository: string,
  digest: string,
): Promise<Readable> {
  const response = await fetch(`${base}/v2/${repository}/blobs/${digest}`);
  if (!response.ok || !response.body)
    throw readFailed(`the blob ${digest} of ${repository}`, await refusal(response));
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}
