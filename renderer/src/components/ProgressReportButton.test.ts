import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { LabError } from '../../../main/api/errors.ts';
import type { ProgressReportAnswer } from '../../../main/api/schemas/report.ts';
import { delegatingClient, fakeWindowApi } from '../../test/fake-window-api.ts';
import * as download from '../lib/progress-report.ts';
import ProgressReportButton from './ProgressReportButton.svelte';

const answer = {
  html: '<!doctype html><title>r</title>',
  report: { lab: 'ui2', generatedAt: '2026-12-02T08:05:00.000Z' },
} as ProgressReportAnswer;

describe('ProgressReportButton', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for the lab’s report and downloads its page', async () => {
    const report = vi.fn(() => Promise.resolve(answer));
    const saved = vi.spyOn(download, 'downloadHtml').mockImplementation(() => undefined);
    fakeWindowApi({ scenarios: { report } });
    render(ProgressReportButton, { client: delegatingClient(), lab: 'ui2' });
    await userEvent.click(screen.getByRole('button', { name: 'Progress report' }));
    expect(report).toHaveBeenCalledWith({ lab: 'ui2' });
    await vi.waitFor(() =>
      expect(saved).toHaveBeenCalledWith(answer.html, 'kubelab-report-ui2-2026-12-02-0805Z.html'),
    );
    expect(screen.getByRole('button', { name: 'Progress report' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('says what went wrong, with the fix', async () => {
    fakeWindowApi({
      scenarios: {
        report: () => Promise.reject(new LabError('INTERNAL', 'No report.', { fix: 'Try again.' })),
      },
    });
    render(ProgressReportButton, { client: delegatingClient(), lab: 'ui2' });
    await userEvent.click(screen.getByRole('button', { name: 'Progress report' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No report. Try again.');
  });
});
