import { describe, expect, it } from 'vitest';
import { CappedOutput } from './node-exec.ts';

describe('CappedOutput', () => {
  it('keeps everything under the limit, unmarked', () => {
    const out = new CappedOutput(10);
    out.add(Buffer.from('hello'));
    out.add(Buffer.from('world'));
    expect(out.text()).toBe('helloworld');
  });

  it('keeps the first bytes and says how many more were dropped', () => {
    const out = new CappedOutput(8);
    out.add(Buffer.from('12345'));
    out.add(Buffer.from('67890'));
    out.add(Buffer.from('abc'));
    expect(out.text()).toBe('12345678\n… truncated (5 more bytes not kept)');
  });
});
