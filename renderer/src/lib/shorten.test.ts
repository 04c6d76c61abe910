import { describe, expect, it } from 'vitest';
import { shorten } from './shorten.ts';

describe('shorten', () => {
  it('keeps short text and cuts long text to exactly max characters', () => {
    expect(shorten('httpd', 10)).toBe('httpd');
    expect(shorten('httpd-5b9c8d7f6-abcde', 10)).toBe('httpd-5b9…');
  });

  it('cuts paths at the start so the folder name stays visible', () => {
    expect(shorten('/root/.kubelab/labs/ui/nodes/control-plane/mnt/data', 16, 'start')).toBe(
      '…-plane/mnt/data',
    );
  });
});
