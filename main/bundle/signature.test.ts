import { describe, expect, it } from 'vitest';
import { checkSignature, generateSigningKey, sameFingerprint, signManifest } from './signature.ts';

describe('bundle signatures', () => {
  it('a signature checks out for the exact bytes, by the signer’s fingerprint', () => {
    const key = generateSigningKey();
    const manifest = Buffer.from('{"format":"kubelab-bundle/1"}');
    const { entry, fingerprint } = signManifest(manifest, key.privateKeyPem);
    expect(fingerprint).toBe(key.fingerprint);
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(checkSignature(manifest, entry)).toEqual({ ok: true, fingerprint });
    expect(checkSignature(Buffer.from('{"format":"kubelab-bundle/2"}'), entry)).toMatchObject({
      ok: false,
      why: expect.stringContaining('does not match') as string,
    });
    expect(checkSignature(manifest, Buffer.from('nope'))).toMatchObject({ ok: false });
  });

  it('another key has another fingerprint; fingerprints compare as typed', () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(sameFingerprint(a.fingerprint, a.fingerprint.replace(/ /g, ':').toLowerCase())).toBe(
      true,
    );
    expect(sameFingerprint(a.fingerprint, b.fingerprint)).toBe(false);
    expect(sameFingerprint('', '')).toBe(false);
  });

  it('refuses to sign with a key that is not Ed25519', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signManifest(Buffer.from('x'), pem)).toThrow(/not ed25519/);
  });
});
