import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LAB } from '../lab/config.ts';
import type { CliIo } from './dispatch.ts';
import { runCli } from './dispatch.ts';
import { LAB_FLAG } from './verbs/shared-flags.ts';
import { commands } from './verbs/index.ts';
import { UsageError } from './usage-error.ts';
import { defineCommand, defineGroup } from './command.ts';

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
  };
}

const STACK = /^\s+at /m;

describe('the kubelab entry', () => {
  it('prints a verb’s usage for VERB --help, -h and help VERB, and exits 0', async () => {
    for (const argv of [
      ['up', '--help'],
      ['up', '-h'],
    ]) {
      const io = capture();
      expect(await runCli(argv, commands, io)).toBe(0);
      expect(io.stdout()).toContain('usage: kubelab up [--lab NAME] [--nodes N]');
      expect(io.stdout()).toContain('create, warm-start or repair a lab');
      expect(io.stdout()).toMatch(/--nodes N\s+how many nodes, 1 to 3/);
      expect(io.stdout()).toMatch(/--lab NAME\s+the lab to work on \(default: default\)/);
    }
  });

  it('prints a sub-verb’s usage (bundle load --help)', async () => {
    const io = capture();
    expect(await runCli(['bundle', 'load', '--help'], commands, io)).toBe(0);
    expect(io.stdout()).toContain(
      'usage: kubelab bundle load FILE [--trust FINGERPRINT] [--trust-unsigned]',
    );
    expect(io.stdout()).toMatch(/--trust-unsigned\s+load an unsigned bundle/);
  });

  it('exits 2 with one line and the usage for an unknown flag, without a stack', async () => {
    const io = capture();
    expect(await runCli(['up', '--bogus'], commands, io)).toBe(2);
    expect(io.stderr().split('\n')[0]).toBe('kubelab up: unknown flag --bogus');
    expect(io.stderr()).toContain('usage: kubelab up [--lab NAME] [--nodes N]');
    expect(io.stderr()).not.toMatch(STACK);
    expect(io.stdout()).toBe('');
  });

  it('exits 2 for flag values that fail validation, before Docker is asked anything', async () => {
    for (const [argv, first] of [
      [['up', '--lab', 'Bad!'], 'kubelab up: --lab: Lab name "Bad!" is not valid'],
      [['up', '--nodes', '7'], 'kubelab up: --nodes must be a whole number from 1 to 3, not "7"'],
      [['up', '--nodes', 'x'], 'kubelab up: --nodes must be a whole number from 1 to 3, not "x"'],
      [['status', '--lab', 'UPPER'], 'kubelab status: --lab: Lab name "UPPER" is not valid'],
      [['serve', '--port', '70000'], 'kubelab serve: --port must be a number from 0 to 65535'],
      [['bench', '--runs', '0'], 'kubelab bench: --runs must be a whole number from 1 to 20'],
    ] as const) {
      const io = capture();
      expect(await runCli(argv, commands, io)).toBe(2);
      expect(io.stderr().split('\n')[0]).toContain(first);
      expect(io.stderr()).toContain(`usage: kubelab ${argv[0]}`);
      expect(io.stderr()).not.toMatch(STACK);
    }
  });

  it('exits 2 for a wrong argument count or a missing or unknown sub-verb', async () => {
    for (const [argv, first] of [
      [['check'], 'kubelab check: missing SCENARIO'],
      [['bundle', 'load', 'a', 'b'], 'kubelab bundle load: unexpected argument "b"'],
      [['bundle'], 'kubelab bundle: missing a sub-command (create, load, inspect, keygen)'],
      [['images', 'nope'], 'kubelab images: unknown sub-command "nope"'],
      [['exec', 'worker1', 'ls'], 'kubelab exec: -- must come before the command'],
      [['help', 'nope'], 'kubelab help: there is no verb "nope"'],
    ] as const) {
      const io = capture();
      expect(await runCli(argv, commands, io)).toBe(2);
      expect(io.stderr().split('\n')[0]).toContain(first);
      expect(io.stderr()).not.toMatch(STACK);
    }
  });

  it('treats a UsageError from a verb’s own checks like a parse error', async () => {
    const group = defineGroup({
      name: 'g',
      summary: 'a group',
      subcommands: [
        defineCommand({
          name: 'sub',
          summary: 'fails its own check',
          flags: {},
          load: () => Promise.resolve(() => Promise.reject(new UsageError('that is not right'))),
        }),
      ],
    });
    const io = capture();
    expect(await runCli(['g', 'sub'], [group], io)).toBe(2);
    expect(io.stderr()).toContain('kubelab g sub: that is not right\n');
    expect(io.stderr()).toContain('usage: kubelab g sub');
  });

  it('lists every verb for help, --help and no arguments', async () => {
    for (const argv of [[], ['--help']]) {
      const io = capture();
      expect(await runCli(argv, commands, io)).toBe(0);
      for (const command of commands) expect(io.stdout()).toContain(`kubelab ${command.name}`);
    }
    // The help verb prints as every verb does, on the console.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await runCli(['help'], commands, capture())).toBe(0);
      for (const command of commands)
        expect(log.mock.calls.flat().join('\n')).toContain(`kubelab ${command.name}`);
    } finally {
      log.mockRestore();
    }
  });

  it('says an unknown verb is unknown (exit 2)', async () => {
    const io = capture();
    expect(await runCli(['nope'], commands, io)).toBe(2);
    expect(io.stderr()).toBe('kubelab: unknown command "nope". Run `kubelab help` for the list.');
  });

  it('declares --lab’s default as the lab modules define it', () => {
    expect(LAB_FLAG.default).toBe(DEFAULT_LAB);
  });
});
