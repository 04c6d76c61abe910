import { describe, expect, it } from 'vitest';
import type { FileRootView } from '../../../main/api/schemas/files.ts';
import { breadcrumbs, formatSize, joinPath, locateHostFolder } from './file-location.ts';

const labDir = '/root/.kubelab/labs/ui';
const roots: FileRootView[] = [
  {
    id: 'control-plane/home',
    hostPath: `${labDir}/nodes/control-plane/home`,
    nodePath: '/home/learner',
    node: 'control-plane',
    exists: true,
  },
  {
    id: 'control-plane/mnt',
    hostPath: `${labDir}/nodes/control-plane/mnt`,
    nodePath: '/mnt',
    node: 'control-plane',
    exists: true,
  },
  {
    id: 'volumes',
    hostPath: `${labDir}/volumes`,
    nodePath: '/var/lib/kubelab/volumes',
    node: null,
    exists: true,
  },
];

describe('locateHostFolder', () => {
  it('finds the root and the path inside it', () => {
    expect(locateHostFolder(roots, `${labDir}/nodes/control-plane/mnt/data`)).toEqual({
      root: 'control-plane/mnt',
      path: 'data',
    });
    expect(locateHostFolder(roots, `${labDir}/volumes`)).toEqual({ root: 'volumes', path: '' });
  });

  it('does not match a sibling that merely starts with the same letters', () => {
    expect(locateHostFolder(roots, `${labDir}/nodes/control-plane/mnt2/data`)).toBeNull();
    expect(locateHostFolder(roots, '/etc')).toBeNull();
  });
});

describe('path helpers', () => {
  it('builds breadcrumbs, joins and formats sizes', () => {
    expect(breadcrumbs('data/web/index.html')).toEqual([
      { name: 'data', path: 'data' },
      { name: 'web', path: 'data/web' },
      { name: 'index.html', path: 'data/web/index.html' },
    ]);
    expect(breadcrumbs('')).toEqual([]);
    expect(joinPath('', 'data')).toBe('data');
    expect(joinPath('data', 'index.html')).toBe('data/index.html');
    expect(formatSize(42)).toBe('42 B');
    expect(formatSize(1536)).toBe('1.5 KiB');
  });
});
