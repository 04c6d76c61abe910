import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu-template.ts';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => item.label ?? item.role ?? item.type ?? '?');
}

function submenu(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = items.find((item) => item.label === label);
  return (found?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
}

const noop = { about: vi.fn(), openLogFile: vi.fn(), showLogFolder: vi.fn() };

describe('menu template', () => {
  it('has File, Edit, View, Help on Linux with About and the log under Help', () => {
    const menu = menuTemplate(noop, 'linux', { devTools: false });
    expect(labels(menu)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(submenu(menu, 'File'))).toEqual(['quit']);
    expect(labels(submenu(menu, 'Help'))).toEqual([
      'Open Log File',
      'Show Log Folder',
      'separator',
      'About kubelab',
    ]);
    expect(labels(submenu(menu, 'Edit'))).toContain('paste');
    expect(labels(submenu(menu, 'View'))).not.toContain('toggleDevTools');
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const menu = menuTemplate(noop, 'darwin', { devTools: true });
    expect(labels(menu)).toEqual(['kubelab', 'File', 'Edit', 'View', 'Help']);
    expect(labels(submenu(menu, 'kubelab'))).toContain('About kubelab');
    expect(labels(submenu(menu, 'kubelab'))).toContain('quit');
    expect(labels(submenu(menu, 'Help'))).not.toContain('About kubelab');
    expect(labels(submenu(menu, 'View'))).toContain('toggleDevTools');
  });

  it('leaves Ctrl+C to the terminal off macOS, but keeps Cmd+C on macOS', () => {
    const copy = (platform: NodeJS.Platform): MenuItemConstructorOptions | undefined =>
      submenu(menuTemplate(noop, platform, { devTools: false }), 'Edit').find(
        (item) => item.role === 'copy',
      );
    expect(copy('linux')?.registerAccelerator).toBe(false);
    expect(copy('win32')?.registerAccelerator).toBe(false);
    expect(copy('darwin')?.registerAccelerator).toBeUndefined();
  });

  it('wires the items to the actions', () => {
    const actions = { about: vi.fn(), openLogFile: vi.fn(), showLogFolder: vi.fn() };
    const help = submenu(menuTemplate(actions, 'linux', { devTools: false }), 'Help');
    for (const item of help) (item.click as (() => void) | undefined)?.();
    expect(actions.openLogFile).toHaveBeenCalledOnce();
    expect(actions.showLogFolder).toHaveBeenCalledOnce();
    expect(actions.about).toHaveBeenCalledOnce();
  });
});
