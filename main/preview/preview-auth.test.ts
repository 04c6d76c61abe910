import { describe, expect, it } from 'vitest';
import { admit, forwardedCookies, loopbackHost, previewCookieName } from './preview-auth.ts';

const secret = 'S3cretS3cretS3cretS3cret';

describe('preview admission', () => {
  it('takes the secret from the URL once: sets a per-port cookie and redirects without it', () => {
    const result = admit(
      secret,
      4321,
      `/a/b?x=1&kubelab_preview=${secret}`,
      '127.0.0.1:4321',
      undefined,
    );
    expect(result).toEqual({
      ok: true,
      redirect: {
        location: '/a/b?x=1',
        cookies: [
          `kubelab_preview_4321=${secret}; HttpOnly; SameSite=Strict; Path=/`,
          `kubelab_preview_4321_x=${secret}; HttpOnly; SameSite=None; Secure; Partitioned; Path=/`,
        ],
      },
    });
  });

  it('admits the partitioned cookie a cross-site frame (Electron) sends', () => {
    const cookie = `${previewCookieName(4321)}_x=${secret}`;
    expect(admit(secret, 4321, '/x', '127.0.0.1:4321', cookie)).toEqual({
      ok: true,
      redirect: null,
    });
  });

  it('admits the cookie of its own port only', () => {
    const cookie = `other=1; ${previewCookieName(4321)}=${secret}`;
    expect(admit(secret, 4321, '/x', '127.0.0.1:4321', cookie)).toEqual({
      ok: true,
      redirect: null,
    });
    expect(admit(secret, 4322, '/x', '127.0.0.1:4322', cookie)).toMatchObject({ ok: false });
  });

  it('refuses a wrong secret, no secret and a foreign Host (DNS rebinding)', () => {
    expect(admit(secret, 1, '/?kubelab_preview=nope', '127.0.0.1:1', undefined)).toMatchObject({
      ok: false,
      reason: 'wrong preview secret',
    });
    expect(admit(secret, 1, '/', '127.0.0.1:1', undefined)).toMatchObject({ ok: false });
    expect(
      admit(secret, 1, `/?kubelab_preview=${secret}`, 'evil.example:1', undefined),
    ).toMatchObject({ ok: false, reason: 'wrong Host header' });
  });

  it("never forwards kubelab's own cookies to the Service", () => {
    expect(forwardedCookies(`kubelab_token=t; a=1; kubelab_preview_9=s; b=2`)).toBe('a=1; b=2');
    expect(forwardedCookies('kubelab_token=t')).toBeUndefined();
  });
});

describe('loopbackHost', () => {
  it('accepts only our own loopback names with our port', () => {
    expect(loopbackHost('127.0.0.1:4100', 4100)).toBe(true);
    expect(loopbackHost('localhost:4100', 4100)).toBe(true);
    expect(loopbackHost('evil.example:4100', 4100)).toBe(false);
    expect(loopbackHost('127.0.0.1:4101', 4100)).toBe(false);
    expect(loopbackHost(undefined, 4100)).toBe(false);
  });
});
