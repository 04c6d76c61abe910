import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { FileRootView } from '../../../main/api/schemas/files.ts';
import { fakeWindowApi } from '../../test/fake-window-api.ts';
import { labApi } from '../lib/api.ts';
import FilesView from './FilesView.svelte';

const roots: FileRootView[] = [
  {
    id: 'control-plane/home',
    hostPath: '/h/home',
    nodePath: '/home/learner',
    node: 'control-plane',
    exists: true,
  },
  {
    id: 'control-plane/mnt',
    hostPath: '/h/mnt',
    nodePath: '/mnt',
    node: 'control-plane',
    exists: true,
  },
];
const tree: Record<
  string,
  Array<{ name: string; kind: 'file' | 'dir'; size: number; modifiedMs: number }>
> = {
  '': [{ name: 'data', kind: 'dir', size: 0, modifiedMs: 0 }],
  data: [
    { name: 'index.html', kind: 'file', size: 42, modifiedMs: 0 },
    { name: 'logo.png', kind: 'file', size: 900, modifiedMs: 0 },
  ],
};

function fakeFiles(): { write: ReturnType<typeof vi.fn> } {
  const write = vi.fn(({ content }: { content: string }) =>
    Promise.resolve({ size: content.length, modifiedMs: 1 }),
  );
  fakeWindowApi({
    files: {
      roots: () => Promise.resolve(roots),
      list: ({ root, path = '' }) => Promise.resolve({ root, path, entries: tree[path] ?? [] }),
      read: ({ path }) =>
        Promise.resolve(
          path.endsWith('.png')
            ? { kind: 'binary' as const, size: 900, modifiedMs: 0 }
            : {
                kind: 'text' as const,
                content: 'Hello from the hostPath PersistentVolume!\n',
                size: 42,
                modifiedMs: 0,
              },
        ),
      write,
    },
  });
  return { write };
}

describe('FilesView', () => {
  it('starts in a node’s /mnt, browses into a folder, edits and saves a file', async () => {
    const { write } = fakeFiles();
    render(FilesView, { client: await labApi(), lab: 'ui', active: false });
    await userEvent.click(await screen.findByTestId('files-entry-data'));
    await userEvent.click(await screen.findByTestId('files-entry-index.html'));
    const editor = await screen.findByTestId<HTMLTextAreaElement>('files-editor');
    expect(editor.value).toBe('Hello from the hostPath PersistentVolume!\n');
    expect(screen.getByTestId<HTMLButtonElement>('files-save').disabled).toBe(true);
    await userEvent.type(editor, 'Edited in Files');
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(write).toHaveBeenCalledWith({
      lab: 'ui',
      root: 'control-plane/mnt',
      path: 'data/index.html',
      content: 'Hello from the hostPath PersistentVolume!\nEdited in Files',
    });
    expect((await screen.findByTestId('files-status')).textContent).toContain('Saved');
  });

  it('says a binary file is binary instead of showing it', async () => {
    fakeFiles();
    render(FilesView, {
      client: await labApi(),
      lab: 'ui',
      active: false,
      location: { root: 'control-plane/mnt', path: 'data' },
    });
    await userEvent.click(await screen.findByTestId('files-entry-logo.png'));
    expect((await screen.findByTestId('files-binary')).textContent).toContain(
      'Binary file (900 B)',
    );
    expect(screen.queryByTestId('files-editor')).toBeNull();
  });
});
