import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { LabError } from '../../../main/api/errors.ts';
import type { CommandStatus } from '../../../main/api/schemas/command.ts';
import { delegatingClient, fakeWindowApi } from '../../test/fake-window-api.ts';
import CommandPanel from './CommandPanel.svelte';

const offered: CommandStatus = {
  onPath: null,
  offer: { path: '/Users/ada/.local/bin/kubelab', kind: 'link', folderOnPath: false },
};

describe('CommandPanel', () => {
  it('shows nothing where there is nothing to offer', async () => {
    const command = vi.fn(() => Promise.resolve({ onPath: '/usr/bin/kubelab', offer: null }));
    fakeWindowApi({ app: { command } });
    render(CommandPanel, { client: delegatingClient() });
    await vi.waitFor(() => expect(command).toHaveBeenCalled());
    expect(screen.queryByTestId('command-panel')).toBeNull();
  });

  it('installs the command and says how to reach it', async () => {
    let status = offered;
    const installCommand = vi.fn(() => {
      status = { ...offered, onPath: offered.offer!.path };
      return Promise.resolve({
        path: offered.offer!.path,
        message: 'Add `export PATH="/Users/ada/.local/bin:$PATH"` to your shell profile.',
      });
    });
    fakeWindowApi({ app: { command: () => Promise.resolve(status), installCommand } });
    render(CommandPanel, { client: delegatingClient() });
    expect(await screen.findByText(/a folder your PATH does not list yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Install the kubelab command' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Installed as /Users/ada/.local/bin/kubelab. Add `export PATH="/Users/ada/.local/bin:$PATH"` to your shell profile.',
    );
  });

  it('says why it could not, with the fix', async () => {
    fakeWindowApi({
      app: {
        command: () => Promise.resolve(offered),
        installCommand: () =>
          Promise.reject(
            new LabError('COMMAND_PATH_TAKEN', 'It is taken.', { fix: 'Move it away.' }),
          ),
      },
    });
    render(CommandPanel, { client: delegatingClient() });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Install the kubelab command' }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe('It is taken. Move it away.');
  });
});
