// `kubelab scenarios import` and `scenarios new` through the real CLI (node bin/kubelab.js): the
// verbs are wired, --json answers with the report's notes and lint's findings, and a refusal
// prints the error with its fix and exits non-zero.
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
let out: string;

function kubelab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/kubelab.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'kubelab-cli-import-'));
});

describe('kubelab scenarios import', () => {
  it('answers --json with the result, every note and a clean lint', () => {
    const target = join(out, 'pods-on-both-nodes');
    const run = kubelab(
      'scenarios',
      'import',
      'fixtures/killercoda/pods-on-both-nodes',
      '--out',
      target,
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as {
      out: string;
      id: string;
      nodes: number;
      notes: { kind: string; where: string }[];
      lint: string[];
    };
    expect(answer).toMatchObject({ out: target, id: 'pods-on-both-nodes', nodes: 2, lint: [] });
    expect(answer.notes.filter((n) => n.kind === 'unmapped').map((n) => n.where)).toEqual([
      'foreground.sh',
      'finish.md:4',
    ]);
  });

  it('prints the report and refuses to write over the folder it made', () => {
    const target = join(out, 'configmap-files');
    const first = kubelab(
      'scenarios',
      'import',
      'fixtures/killercoda/configmap-files',
      '--out',
      target,
    );
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      'Not imported (no kubelab equivalent):\n  - index.json: interface:',
    );
    expect(first.stdout).toContain(`${target}: no errors`);
    const again = kubelab(
      'scenarios',
      'import',
      'fixtures/killercoda/configmap-files',
      '--out',
      target,
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`error: ${target} already exists`);
    expect(again.stderr).toContain('fix: Pick another name');
  });
});

describe('kubelab scenarios new', () => {
  it('creates a folder that lints clean, and refuses an id that is not kebab-case', () => {
    const made = kubelab('scenarios', 'new', 'my-first', '--dir', out);
    expect(made.status).toBe(0);
    expect(kubelab('scenarios', 'lint', join(out, 'my-first')).stdout).toContain(
      'my-first: no errors',
    );
    const bad = kubelab('scenarios', 'new', 'My_First', '--dir', out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('error: ID "My_First" is not kebab-case');
    expect(bad.stderr).toContain('fix: Use lower-case letters and digits joined by single hyphens');
  });
});
