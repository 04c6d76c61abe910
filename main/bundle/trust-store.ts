// Signers this learner said yes to, once (KUBELAB_HOME/trusted-signers.json): a later bundle from
// the same instructor loads without asking again. Unsigned bundles are never remembered.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { kubelabHome } from '../paths.ts';
import { sameFingerprint } from './signature.ts';

const TrustFileSchema = z.object({
  version: z.literal(1),
  signers: z.array(z.object({ fingerprint: z.string(), since: z.string() })),
});
type TrustFile = z.infer<typeof TrustFileSchema>;

function trustFile(): string {
  return join(kubelabHome(), 'trusted-signers.json');
}

async function readTrust(): Promise<TrustFile> {
  try {
    const parsed = TrustFileSchema.safeParse(JSON.parse(await readFile(trustFile(), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or unreadable: nobody is trusted yet
  }
  return { version: 1, signers: [] };
}

export async function isTrustedSigner(fingerprint: string): Promise<boolean> {
  return (await readTrust()).signers.some((s) => sameFingerprint(s.fingerprint, fingerprint));
}

export async function trustSigner(fingerprint: string): Promise<void> {
  const trust = await readTrust();
  if (trust.signers.some((s) => sameFingerprint(s.fingerprint, fingerprint))) return;
  trust.signers.push({ fingerprint, since: new Date().toISOString() });
  const file = trustFile();
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(trust, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}
