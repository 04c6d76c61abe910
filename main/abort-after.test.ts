import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abortAfter } from './abort-after.ts';

/** Node runs `code` as a module in a fresh process; its exit code and output. */
function run(code: string): { status: number | null; out: string } {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code],
    {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    },
  );
  return { status: result.status, out: result.stdout + result.stderr };
}

// A wait that nothing else holds open: only the deadline can end it.
const waitFor = (signal: string): string =>
  `await new Promise((_, reject) => ${signal}.addEventListener('abort', () => reject(${signal}.reason)))
     .catch((error) => console.log('ended by', error.name));`;

describe('abortAfter', () => {
  it('holds the process open until it fires, so the wait ends in a TimeoutError', () => {
    const { status, out } = run(
      `import { abortAfter } from './main/abort-after.ts'; const d = abortAfter(200); ${waitFor('d.signal')}`,
    );
    expect(out).toContain('ended by TimeoutError');
    expect(status).toBe(0);
  });

  it('is what AbortSignal.timeout is not: there the process just stops (exit 13, an unsettled await)', () => {
    const { status, out } = run(`const s = AbortSignal.timeout(200); ${waitFor('s')}`);
    expect(out).not.toContain('ended by');
    expect(status).toBe(13);
  });

  it('lets the process go once cleared', () => {
    const deadline = abortAfter(60_000);
    deadline.clear();
    expect(deadline.signal.aborted).toBe(false);
  });
});
