import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.ts';

describe('RingBuffer', () => {
  it('keeps everything while under capacity', () => {
    const ring = new RingBuffer(10);
    ring.append('abc');
    ring.append('def');
    expect(ring.contents()).toBe('abcdef');
    expect(ring.length).toBe(6);
  });

  it('drops the oldest characters, splitting a chunk when needed', () => {
    const ring = new RingBuffer(5);
    ring.append('abc');
    ring.append('defg');
    expect(ring.contents()).toBe('cdefg');
    ring.append('h');
    expect(ring.contents()).toBe('defgh');
    expect(ring.length).toBe(5);
  });

  it('keeps only the tail of a write larger than the capacity', () => {
    const ring = new RingBuffer(4);
    ring.append('0123456789');
    expect(ring.contents()).toBe('6789');
  });

  it('ignores empty writes and refuses a bad capacity', () => {
    const ring = new RingBuffer(3);
    ring.append('');
    expect(ring.contents()).toBe('');
    expect(() => new RingBuffer(0)).toThrow(/positive/);
  });

  it('stays bounded over many writes', () => {
    const ring = new RingBuffer(256 * 1024);
    for (let i = 0; i < 100_000; i++) ring.append('y\r\n');
    expect(ring.length).toBe(256 * 1024);
    expect(ring.contents().endsWith('y\r\n')).toBe(true);
  });
});
