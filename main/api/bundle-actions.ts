// The first-run screen's view of workshop bundles: files found next to the app (or a path the
// learner typed), each with what its manifest says or why this machine cannot take it.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LabError } from './errors.ts';
import { findBundleFiles, readBundleHead } from '../bundle/inspect.ts';
import { isTrustedSigner } from '../bundle/trust-store.ts';
import type { BundleFile } from './schemas/bundles.ts';

export async function describeBundleFile(path: string): Promise<BundleFile> {
  const file = resolve(path);
  const bytes = await stat(file).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  const blank = {
    path: file,
    bytes,
    kubelabVersion: null,
    images: [],
    scenarios: [],
    requiredDiskBytes: null,
    signer: null,
    signerTrusted: false,
  };
  if (bytes === null) return { ...blank, usable: false, problem: `There is no file ${file}.` };
  try {
    const { manifest, signer } = await readBundleHead(file);
    return {
      ...blank,
      usable: true,
      problem: null,
      signer,
      signerTrusted: signer !== null && (await isTrustedSigner(signer)),
      kubelabVersion: manifest.kubelabVersion,
      images: manifest.images.map((image) => image.name),
      scenarios: manifest.scenarios,
      requiredDiskBytes: manifest.requiredDiskBytes,
    };
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    return { ...blank, usable: false, problem: error.message };
  }
}

export async function foundBundles(): Promise<BundleFile[]> {
  return Promise.all((await findBundleFiles()).map((file) => describeBundleFile(file)));
}
