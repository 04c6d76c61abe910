import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { BundleFile } from '../../../main/api/schemas/bundles.ts';
import type { Progress } from '../../../main/api/schemas/events.ts';
import type { ImageStatus } from '../../../main/api/schemas/images.ts';
import { delegatingClient, emitEvent, fakeWindowApi } from '../../test/fake-window-api.ts';
import BundlePanel from './BundlePanel.svelte';

const image = (present: boolean): ImageStatus => ({
  name: 'node',
  ref: 'kubelab/node:x',
  mirrorTags: [],
  present,
  upToDate: present,
  sizeBytes: null,
  builtAt: null,
});

const usable: BundleFile = {
  path: '/opt/kubelab/resources/bundle/workshop.kubelab',
  usable: true,
  problem: null,
  bytes: 3 * 1024 ** 3,
  kubelabVersion: '0.1.0',
  images: ['node', 'registry', 'nginx'],
  scenarios: [{ id: 'services', title: 'Services' }],
  requiredDiskBytes: 6 * 1024 ** 3,
  signer: null,
  signerTrusted: false,
};

const progress = (state: Progress['state'], percent: number): Progress => ({
  operationId: 'op1',
  kind: 'bundles.load',
  phase: 'verify',
  percent,
  message: 'checking sizes and checksums',
  state,
  elapsedMs: 1000,
});

describe('BundlePanel (first run at an offline workshop)', () => {
  it('stays hidden while every image is present', async () => {
    fakeWindowApi({
      images: { list: () => Promise.resolve([image(true)]) },
      operations: { list: () => Promise.resolve([]) },
    });
    render(BundlePanel, { client: delegatingClient() });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('bundles')).toBeNull();
  });

  it('lists the bundles found, says why one is unusable, and loads the chosen one', async () => {
    const loaded: unknown[] = [];
    const foreign: BundleFile = {
      ...usable,
      path: '/home/me/.kubelab/bundles/mac.kubelab',
      usable: false,
      problem: 'it holds arm64 images and this machine is x64',
    };
    fakeWindowApi({
      images: { list: () => Promise.resolve([image(false)]) },
      bundles: {
        find: () => Promise.resolve([usable, foreign]),
        load: (input) => {
          loaded.push(input);
          return Promise.resolve({ operationId: 'op1' });
        },
      },
      operations: { list: () => Promise.resolve([]) },
    });
    render(BundlePanel, { client: delegatingClient() });
    const files = await screen.findAllByTestId('bundle-file');
    expect(files[0]?.textContent).toContain('3 images');
    expect(files[0]?.textContent).toContain('needs 6.00 GiB free disk');
    expect(files[1]?.textContent).toContain('it holds arm64 images and this machine is x64');
    expect(files[1]?.querySelector('button')).toBeNull();
    expect(files[0]?.textContent).toContain('not signed');
    // an unsigned bundle loads only after the learner says, in plain words, they trust it
    const asked = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(asked.mock.calls[0]?.[0]).toMatch(/NOT signed.*run commands as root/s);
    expect(loaded).toEqual([]);
    asked.mockReturnValue(true);
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(loaded).toEqual([{ path: usable.path, trust: { unsigned: true } }]);
    asked.mockRestore();
    emitEvent('progress', progress('running', 40));
    expect((await screen.findByTestId('bundle-progress')).dataset.state).toBe('running');
    expect(screen.getByRole('button', { name: 'Load' })).toHaveProperty('disabled', true);
  });

  it('asks to trust a new signer by its fingerprint, and not again once trusted', async () => {
    const loaded: unknown[] = [];
    const signer = '3F2A 9B01 C4D5 E6F7 0819 2A3B 4C5D 6E7F';
    const signed: BundleFile = { ...usable, signer };
    const trusted: BundleFile = {
      ...usable,
      path: '/b/trusted.kubelab',
      signer,
      signerTrusted: true,
    };
    fakeWindowApi({
      images: { list: () => Promise.resolve([image(false)]) },
      bundles: {
        find: () => Promise.resolve([signed, trusted]),
        load: (input) => {
          loaded.push(input);
          return Promise.resolve({ operationId: 'op1' });
        },
      },
      operations: { list: () => Promise.resolve([]) },
    });
    render(BundlePanel, { client: delegatingClient() });
    const files = await screen.findAllByTestId('bundle-file');
    expect(files[0]?.textContent).toContain(`signed by ${signer}`);
    expect(files[1]?.textContent).toContain('(trusted)');
    const asked = vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(within(files[0]!).getByRole('button', { name: 'Load' }));
    expect(asked.mock.calls[0]?.[0]).toContain(signer);
    await userEvent.click(within(files[1]!).getByRole('button', { name: 'Load' }));
    expect(asked).toHaveBeenCalledTimes(1);
    expect(loaded).toEqual([
      { path: signed.path, trust: { fingerprint: signer } },
      { path: trusted.path, trust: { fingerprint: signer } },
    ]);
    asked.mockRestore();
  });

  it('checks a typed path and shows what is wrong with it', async () => {
    fakeWindowApi({
      images: { list: () => Promise.resolve([image(false)]) },
      bundles: {
        find: () => Promise.resolve([]),
        inspect: ({ path }) =>
          Promise.resolve({
            ...usable,
            path,
            usable: false,
            problem: `${path} is not a usable kubelab workshop bundle: it is truncated or damaged. Nothing was imported.`,
          }),
      },
      operations: { list: () => Promise.resolve([]) },
    });
    render(BundlePanel, { client: delegatingClient() });
    await screen.findByText('No bundle found next to the app or in ~/.kubelab/bundles.');
    await userEvent.type(screen.getByLabelText(/Bundle file/), '/media/usb/cut.kubelab');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    const file = await screen.findByTestId('bundle-file');
    expect(file.textContent).toContain('it is truncated or damaged');
  });
});
