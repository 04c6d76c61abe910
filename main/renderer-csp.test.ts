// The renderer's Content-Security-Policy (renderer/index.html's meta tag), both transports: the
// page may run only its own scripts, talk only to itself and the loopback API, and frame only
// loopback Service previews.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

async function policy(): Promise<Map<string, string>> {
  const html = await readFile(new URL('../renderer/index.html', import.meta.url), 'utf8');
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return new Map(
    content.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

describe('renderer CSP', () => {
  it('allows only its own scripts, no eval, no plugins', async () => {
    const csp = await policy();
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    for (const value of csp.values()) expect(value).not.toContain('unsafe-eval');
  });

  it('connects and frames only loopback', async () => {
    const csp = await policy();
    expect(csp.get('connect-src')).toBe("'self' ws://127.0.0.1:* ws://localhost:*");
    expect(csp.get('frame-src')).toBe('http://127.0.0.1:*');
  });

  it('leaves frame-ancestors to the HTTP header (a meta tag cannot set it)', async () => {
    expect((await policy()).has('frame-ancestors')).toBe(false);
  });
});
