// What `docker load` would tag, read from the payload itself as it streams past (a gzip of
// `docker save`): RepoTags in manifest.json, the legacy `repositories` file, and the image-name
// annotations of an OCI index.json. The loader compares them with the manifest's refs before
// anything reaches the engine. Nothing here throws: a payload it cannot read is reported as such.
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { z } from 'zod';
import { normalizeTag } from './bundle-manifest.ts';

const TAG_FILES = new Set(['manifest.json', 'repositories', 'index.json']);
const MAX_JSON_BYTES = 4 * 1024 * 1024;

const DockerManifestSchema = z.array(z.object({ RepoTags: z.array(z.string()).nullish() }));
const RepositoriesSchema = z.record(z.string(), z.record(z.string(), z.string()));
const OciIndexSchema = z.object({
  manifests: z
    .array(z.object({ annotations: z.record(z.string(), z.string()).optional() }))
    .default([]),
});

export interface PayloadTags {
  tags: Set<string>;
  /** Why the payload could not be read as a docker save archive, if it could not. */
  unreadable: string | null;
  sawManifest: boolean;
}

function tagsOf(name: string, text: string, into: Set<string>): void {
  const json: unknown = JSON.parse(text);
  if (name === 'manifest.json') {
    for (const image of DockerManifestSchema.parse(json))
      for (const tag of image.RepoTags ?? []) into.add(normalizeTag(tag));
  } else if (name === 'repositories') {
    for (const [repo, tags] of Object.entries(RepositoriesSchema.parse(json)))
      for (const tag of Object.keys(tags)) into.add(normalizeTag(`${repo}:${tag}`));
  } else {
    for (const manifest of OciIndexSchema.parse(json).manifests) {
      const named = manifest.annotations?.['io.containerd.image.name'];
      if (named) into.add(normalizeTag(named));
    }
  }
}

/** A Writable for the payload's gzip bytes; `result` resolves once they have all passed. */
export function payloadTagReader(): Writable & { result: Promise<PayloadTags> } {
  const found: PayloadTags = { tags: new Set(), unreadable: null, sawManifest: false };
  const gunzip = createGunzip();
  const extract = tar.extract();
  const fail = (why: string): void => {
    found.unreadable ??= why;
  };
  let settle: () => void = () => undefined;
  const result = new Promise<PayloadTags>((resolve) => (settle = () => resolve(found)));
  // Once the archive is known to be broken, the rest of the bytes are only drained.
  const giveUp = (why: string): void => {
    fail(why);
    gunzip.unpipe(extract);
    gunzip.resume();
    settle();
  };
  gunzip.on('error', (error) => {
    fail(`not gzip (${error.message})`);
    settle();
  });
  extract.on('error', (error: Error) => giveUp(`not a tar (${error.message})`));
  extract.on('finish', settle);
  extract.on('entry', (header, stream, next) => {
    const name = header.name.replace(/^\.\//, '');
    if (!TAG_FILES.has(name) || (header.size ?? 0) > MAX_JSON_BYTES) {
      stream.on('end', next);
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      try {
        tagsOf(name, Buffer.concat(chunks).toString('utf8'), found.tags);
        if (name === 'manifest.json') found.sawManifest = true;
      } catch (error) {
        fail(
          `its ${name} is malformed (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      next();
    });
  });
  gunzip.pipe(extract);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      if (gunzip.destroyed || gunzip.writableEnded) return done();
      if (gunzip.write(chunk)) return done();
      // backpressure: take more once the gunzip side drained (or died)
      const go = (): void => {
        gunzip.off('drain', go);
        gunzip.off('close', go);
        done();
      };
      gunzip.once('drain', go);
      gunzip.once('close', go);
    },
    final(done): void {
      if (!gunzip.destroyed) gunzip.end();
      done();
    },
  });
  return Object.assign(sink, { result });
}

/** Why the payload's tags are not exactly what the manifest allows, or null when they are. */
export function foreignTags(found: PayloadTags, allowed: readonly string[]): string | null {
  if (found.unreadable) return `its image payload is unreadable: ${found.unreadable}`;
  if (!found.sawManifest)
    return 'its image payload has no manifest.json (not a docker save archive)';
  const permitted = new Set(allowed.map(normalizeTag));
  const foreign = [...found.tags].filter((tag) => !permitted.has(tag));
  if (foreign.length)
    return `its image payload would tag ${foreign.join(', ')}, which its manifest does not list (only kubelab's own images may be loaded)`;
  return null;
}
