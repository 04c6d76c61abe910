import { afterEach, describe, expect, it } from 'vitest';
import { desktopCheck } from './desktop-check.ts';

describe('the doctor’s desktop line', () => {
  const saved = { DISPLAY: process.env.DISPLAY, WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it.runIf(process.platform === 'linux')(
    'warns, with the browser-mode fallback, without a display',
    () => {
      delete process.env.DISPLAY;
      delete process.env.WAYLAND_DISPLAY;
      const check = desktopCheck();
      expect(check).toMatchObject({ id: 'desktop', status: 'warn' });
      // Either reason is a real one here: no runtime downloaded, or no display.
      expect(check.detail).toMatch(/no Electron runtime|no display/);
      expect(check.fix).toContain('kubelab serve');
    },
  );
});
