// The request line's target, parsed so that nothing a client sends can throw. Node hands us the
// raw origin-form (`/path?query`) as written; `new URL('//', base)` and friends throw on some of
// them (a protocol-relative `//x` has no valid host for http:), so the target is appended to a
// fixed origin instead of resolved against it. Anything that is not origin-form is refused —
// including `//…`: RFC 3986's absolute-path starts with a non-empty segment.
export interface RequestTarget {
  pathname: string;
  searchParams: URLSearchParams;
}

const ORIGIN = 'http://127.0.0.1';

export function parseRequestTarget(raw: string | undefined): RequestTarget | null {
  if (raw === undefined || !raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    const url = new URL(ORIGIN + raw);
    if (url.origin !== ORIGIN) return null;
    return { pathname: url.pathname, searchParams: url.searchParams };
  } catch {
    return null;
  }
}

/** A URL path segment decoded, or null when its percent-escapes are broken (`/%`, `/%zz`). */
export function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
