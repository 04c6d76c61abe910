import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { LabError } from '../../../main/api/errors.ts';
import { delegatingClient, fakeWindowApi } from '../../test/fake-window-api.ts';
import SettingsPanel from './SettingsPanel.svelte';

describe('SettingsPanel', () => {
  it('shows whether labs go into the kubeconfig, and saves a change at once', async () => {
    const saveSettings = vi.fn((change: { mergeKubeconfig?: boolean }) =>
      Promise.resolve({ mergeKubeconfig: change.mergeKubeconfig ?? true }),
    );
    fakeWindowApi({
      app: { settings: () => Promise.resolve({ mergeKubeconfig: true }), saveSettings },
    });
    render(SettingsPanel, { client: delegatingClient(), lab: 'ui2' });
    const box = await screen.findByRole('checkbox', {
      name: 'Add the lab to my kubeconfig when it starts',
    });
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('settings-panel').textContent).toContain('kubelab-ui2');
    await userEvent.click(box);
    expect(saveSettings).toHaveBeenCalledWith({ mergeKubeconfig: false });
    expect((box as HTMLInputElement).checked).toBe(false);
  });

  it('says why a setting could not be saved', async () => {
    fakeWindowApi({
      app: {
        settings: () => Promise.resolve({ mergeKubeconfig: true }),
        saveSettings: () =>
          Promise.reject(new LabError('CANNOT_WRITE', 'Cannot save.', { fix: 'Free space.' })),
      },
    });
    render(SettingsPanel, { client: delegatingClient(), lab: 'ui2' });
    await userEvent.click(await screen.findByRole('checkbox'));
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot save. Free space.');
    expect(screen.getByRole<HTMLInputElement>('checkbox').checked).toBe(true);
  });
});
