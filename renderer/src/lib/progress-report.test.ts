import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadHtml, reportFileName } from './progress-report.ts';

describe('progress report download', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('names the file after the lab and the report’s time (UTC, to the minute)', () => {
    expect(reportFileName('class-1', '2026-12-02T08:05:59.123Z')).toBe(
      'kubelab-report-class-1-2026-12-02-0805Z.html',
    );
  });

  it('clicks a hidden download link to a Blob of the page, then lets the Blob go', async () => {
    vi.useFakeTimers();
    let blob: Blob | undefined;
    const create = vi.fn((object: Blob) => {
      blob = object;
      return 'blob:kubelab/1';
    });
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: { href: string; download: string; inPage: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download, inPage: document.contains(this) });
    });

    downloadHtml('<!doctype html><p>hi</p>', 'r.html');

    expect(clicked).toEqual([{ href: 'blob:kubelab/1', download: 'r.html', inPage: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(blob?.type).toBe('text/html;charset=utf-8');
    expect(await blob?.text()).toBe('<!doctype html><p>hi</p>');
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:kubelab/1');
  });
});
