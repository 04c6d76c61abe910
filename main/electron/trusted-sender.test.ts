import { describe, expect, it } from 'vitest';
import { devServerUrl, rendererUrl, senderTrusted } from './trusted-sender.ts';

const packaged = { rendererFile: '/opt/kubelab/resources/out/renderer/index.html', devUrl: null };

describe('senderTrusted', () => {
  it('accepts the app page in the main frame', () => {
    expect(senderTrusted({ url: rendererUrl(packaged), isMainFrame: true }, packaged)).toBe(true);
    expect(
      senderTrusted({ url: `${rendererUrl(packaged)}?lab=x#s`, isMainFrame: true }, packaged),
    ).toBe(true);
  });

  it('refuses subframes, other pages and other files', () => {
    expect(senderTrusted({ url: rendererUrl(packaged), isMainFrame: false }, packaged)).toBe(false);
    expect(senderTrusted({ url: 'http://127.0.0.1:4000/', isMainFrame: true }, packaged)).toBe(
      false,
    );
    expect(senderTrusted({ url: 'file:///tmp/evil.html', isMainFrame: true }, packaged)).toBe(
      false,
    );
    expect(senderTrusted({ url: 'not a url', isMainFrame: true }, packaged)).toBe(false);
    expect(senderTrusted(null, packaged)).toBe(false);
  });

  it('in development accepts the dev server origin only', () => {
    const dev = { ...packaged, devUrl: 'http://localhost:5173/' };
    expect(senderTrusted({ url: 'http://localhost:5173/index.html', isMainFrame: true }, dev)).toBe(
      true,
    );
    expect(senderTrusted({ url: 'http://localhost:5174/', isMainFrame: true }, dev)).toBe(false);
  });
});

describe('devServerUrl', () => {
  it('is honoured only when not packaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(devServerUrl(false, env)).toBe('http://localhost:5173/');
    expect(devServerUrl(true, env)).toBeNull();
    expect(devServerUrl(false, {})).toBeNull();
  });
});
