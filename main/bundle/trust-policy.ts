// One rule for every way a bundle is loaded (CLI, app): go on with a signer this machine already
// trusts, or with the fingerprint the learner gave (then remembered), or with what they answer
// when asked; an unsigned bundle only with an explicit yes, never remembered.
import { sameFingerprint } from './signature.ts';
import { isTrustedSigner, trustSigner } from './trust-store.ts';

export interface TrustGiven {
  /** The fingerprint the learner compared and accepts (`--trust`). */
  fingerprint?: string | undefined;
  /** "I trust this file" for an unsigned bundle (`--trust-unsigned`). */
  unsigned?: boolean | undefined;
}

export type Ask = (signer: string | null) => Promise<boolean>;

export function trustDecision(
  given: TrustGiven,
  ask?: Ask,
): (signer: string | null) => Promise<boolean> {
  return async (signer) => {
    if (signer === null) return given.unsigned === true || (ask ? await ask(null) : false);
    if (await isTrustedSigner(signer)) return true;
    const yes =
      (given.fingerprint !== undefined && sameFingerprint(given.fingerprint, signer)) ||
      (ask ? await ask(signer) : false);
    if (yes) await trustSigner(signer);
    return yes;
  };
}
