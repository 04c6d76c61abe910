// Who may load a preview: the holder of its secret (in the URL once, then a cookie named per
// port, since cookies are not kept apart by port). Kept separate from the proxy so the rules are
// unit-tested without sockets.
import { cookieValue } from '../http/cookies.ts';
import { parseRequestTarget } from '../http/request-target.ts';
import { tokenMatches } from '../http/secrets.ts';

export const PREVIEW_QUERY = 'kubelab_preview';

export function previewCookieName(port: number): string {
  return `kubelab_preview_${port}`;
}

export type PreviewAdmission =
  | { ok: false; status: 400 | 401; reason: string }
  /** `redirect`: the secret came in the URL; set the cookies and send the browser to `location`. */
  | { ok: true; redirect: { location: string; cookies: string[] } | null };

/** Cookies the service should see: everything except kubelab's own. */
export function forwardedCookies(header: string | undefined): string | undefined {
  const kept = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('kubelab_'));
  return kept.length ? kept.join('; ') : undefined;
}

/** DNS rebinding: a request must name our own loopback address and port. */
export function loopbackHost(host: string | undefined, port: number): boolean {
  return host === `localhost:${port}` || host === `127.0.0.1:${port}`;
}

export function admit(
  secret: string,
  port: number,
  url: string,
  host: string | undefined,
  cookieHeader: string | undefined,
): PreviewAdmission {
  if (!loopbackHost(host, port)) return { ok: false, status: 401, reason: 'wrong Host header' };
  const parsed = parseRequestTarget(url);
  if (!parsed) return { ok: false, status: 400, reason: 'malformed request target' };
  const given = parsed.searchParams.get(PREVIEW_QUERY);
  if (given !== null) {
    if (!tokenMatches(secret, given))
      return { ok: false, status: 401, reason: 'wrong preview secret' };
    parsed.searchParams.delete(PREVIEW_QUERY);
    return {
      ok: true,
      redirect: {
        // one leading slash only: `//host/…` would send the browser to another site
        location:
          parsed.pathname.replace(/^\/+/, '/') +
          (parsed.searchParams.size ? `?${parsed.searchParams}` : ''),
        // Strict for browser mode (the UI on 127.0.0.1 is the same site); a second, partitioned
        // SameSite=None one for a page of another site (Electron's file:// window): Chromium
        // blocks unpartitioned third-party cookies, and takes Secure ones from http://127.0.0.1
        // (a potentially trustworthy origin). Measured in Chromium 156, both cases.
        cookies: [
          `${previewCookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
          `${previewCookieName(port)}_x=${secret}; HttpOnly; SameSite=None; Secure; Partitioned; Path=/`,
        ],
      },
    };
  }
  if (
    tokenMatches(secret, cookieValue(cookieHeader, previewCookieName(port))) ||
    tokenMatches(secret, cookieValue(cookieHeader, `${previewCookieName(port)}_x`))
  ) {
    return { ok: true, redirect: null };
  }
  return { ok: false, status: 401, reason: 'missing preview secret' };
}
