import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLogLine, openLogFile } from './log-file.ts';

describe('log file', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('formats one timestamped entry per line, indenting continuation lines', () => {
    expect(formatLogLine('ERROR', 'boom\nat x', new Date('2026-11-30T10:00:00Z'))).toBe(
      '2026-11-30T10:00:00.000Z ERROR boom\n    at x\n',
    );
  });

  it('appends to a file in a folder it creates, with the error stack', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubelab-log-'));
    const log = openLogFile(join(dir, 'logs', 'kubelab.log'));
    log.info('started');
    log.error('lab up failed', new Error('no images'));
    const text = await readFile(log.path, 'utf8');
    expect(text).toMatch(/^\S+ INFO started\n\S+ ERROR lab up failed: Error: no images\n/);
  });

  it('rotates past the size bound, keeping one previous file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubelab-log-'));
    const log = openLogFile(join(dir, 'kubelab.log'), 100);
    for (let i = 0; i < 5; i++) log.info(`line ${i} ${'x'.repeat(30)}`);
    expect(existsSync(`${log.path}.1`)).toBe(true);
    const current = await readFile(log.path, 'utf8');
    expect(current.length).toBeLessThanOrEqual(200);
    expect(current).toContain('line 4');
  });
});
