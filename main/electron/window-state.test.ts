import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  clampWindowState,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from './window-state.ts';

const laptop = { x: 0, y: 0, width: 1280, height: 800 };
const rightMonitor = { x: 1280, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(clampWindowState(null, [rightMonitor])).toEqual({
      x: 1280 + (1920 - DEFAULT_SIZE.width) / 2,
      y: (1080 - DEFAULT_SIZE.height) / 2,
      width: DEFAULT_SIZE.width,
      height: DEFAULT_SIZE.height,
      maximized: false,
    });
  });

  it('keeps a remembered window that fits where it was', () => {
    const saved = { x: 1400, y: 50, width: 1500, height: 900, maximized: true };
    expect(clampWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('brings a window back from a display that is gone, shrunk to fit', () => {
    const saved = { x: 1400, y: 50, width: 1500, height: 900, maximized: false };
    const restored = clampWindowState(saved, [laptop]);
    expect(restored).toEqual({ x: 0, y: 0, width: 1280, height: 800, maximized: false });
  });

  it('pulls a window hanging off the edge fully onto its display', () => {
    const saved = { x: 1000, y: 600, width: 1000, height: 700, maximized: false };
    expect(clampWindowState(saved, [laptop])).toEqual({
      x: 280,
      y: 100,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('never restores a window smaller than the minimum', () => {
    const tiny = clampWindowState({ x: 10, y: 10, width: 50, height: 20, maximized: false }, [
      rightMonitor,
    ]);
    expect(tiny.width).toBe(MIN_SIZE.width);
    expect(tiny.height).toBe(MIN_SIZE.height);
  });

  it('ignores a damaged or hand-broken file', () => {
    expect(parseWindowState('{"width": 800')).toBeNull();
    expect(parseWindowState('{"width": -5, "height": 700}')).toBeNull();
    expect(parseWindowState('{"width": 800, "height": 700}')).toEqual({
      width: 800,
      height: 700,
      maximized: false,
    });
  });

  describe('on disk', () => {
    let dir = '';
    afterEach(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('saves and loads the same state, and loads nothing from a missing or broken file', async () => {
      dir = await mkdtemp(join(tmpdir(), 'kubelab-window-'));
      const file = join(dir, 'sub', 'window-state.json');
      expect(await loadWindowState(file)).toBeNull();
      const state = { x: 5, y: 6, width: 1300, height: 810, maximized: false };
      await saveWindowState(file, state);
      expect(await loadWindowState(file)).toEqual(state);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
      await writeFile(file, 'not json');
      expect(await loadWindowState(file)).toBeNull();
    });
  });
});
