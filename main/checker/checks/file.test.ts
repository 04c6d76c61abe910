import { describe, expect, it } from 'vitest';
import { check } from '../test-checks.ts';
import { fileCommand, judgeFile, parseFileProbe } from './file.ts';

describe('file', () => {
  const greeting = check({
    type: 'file',
    node: 'control-plane',
    path: '/mnt/data/index.html',
    contains: 'Hello',
  });

  it('reads the probe output', () => {
    expect(parseFileProbe('file\nHello there\n')).toEqual({
      kind: 'file',
      content: 'Hello there\n',
    });
    expect(parseFileProbe('file\n')).toEqual({ kind: 'file', content: '' });
    expect(parseFileProbe('dir\n')).toEqual({ kind: 'dir' });
    expect(parseFileProbe('missing\n')).toEqual({ kind: 'missing' });
  });

  it('passes when the file contains the text', () => {
    expect(judgeFile(greeting, { kind: 'file', content: 'Hello there\n' })).toEqual({
      passed: true,
      expected: '/mnt/data/index.html on control-plane is a file containing "Hello"',
      found: 'its text: Hello there',
    });
  });

  it('fails when it does not, is missing or is a folder', () => {
    expect(judgeFile(greeting, { kind: 'file', content: 'Bye\n' })).toMatchObject({
      passed: false,
      found: 'its text: Bye',
    });
    expect(judgeFile(greeting, { kind: 'file', content: '' }).found).toBe('it is empty');
    expect(judgeFile(greeting, { kind: 'missing' }).found).toBe(
      '/mnt/data/index.html on control-plane does not exist',
    );
    expect(judgeFile(greeting, { kind: 'dir' }).passed).toBe(false);
  });

  it('with absent, passes only when nothing is there', () => {
    const gone = check({ type: 'file', node: 'worker1', path: '/mnt/data', absent: true });
    expect(judgeFile(gone, { kind: 'missing' }).passed).toBe(true);
    expect(judgeFile(gone, { kind: 'dir' })).toMatchObject({
      passed: false,
      found: '/mnt/data on worker1 exists (a folder)',
    });
    expect(fileCommand(gone)).toBe('ls -ld /mnt/data');
    expect(fileCommand(greeting)).toBe('cat /mnt/data/index.html');
  });

  it('without contains, any existing path passes', () => {
    const there = check({ type: 'file', node: 'worker1', path: '/mnt/data' });
    expect(judgeFile(there, { kind: 'dir' }).passed).toBe(true);
  });
});
