import { describe, expect, it } from 'vitest';
import { defineCommand } from './command.ts';
import type { CliCommand } from './command.ts';
import { parseCommandLine } from './parse.ts';
import { UsageError } from './usage-error.ts';

const never = (): Promise<never> => Promise.reject(new Error('not run in these tests'));

const sample: CliCommand = defineCommand({
  name: 'sample',
  summary: 'a verb to parse',
  flags: {
    lab: { type: 'string', value: 'NAME', default: 'default', description: 'the lab' },
    nodes: { type: 'string', value: 'N', description: 'how many' },
    json: { type: 'boolean', description: 'JSON' },
    log: { type: 'string', value: 'FILE', multiple: true, description: 'logs' },
  },
  positionals: [
    { name: 'SCENARIO', description: 'which' },
    { name: 'STEP', optional: true, description: 'which step' },
  ],
  load: never,
});

const parsed = (command: CliCommand, args: string[]): unknown => {
  const outcome = parseCommandLine(command, args);
  if (outcome.help) throw new Error('asked for help');
  return outcome.parsed;
};

const usageMessage = (command: CliCommand, args: string[]): string => {
  try {
    parseCommandLine(command, args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`no usage error for ${args.join(' ')}`);
};

describe('parsing from a declaration', () => {
  it('fills defaults: declared string defaults, booleans false, lists empty', () => {
    expect(parsed(sample, ['s1'])).toEqual({
      values: { lab: 'default', nodes: undefined, json: false, log: [] },
      positionals: ['s1'],
      passthrough: [],
    });
  });

  it('takes flags anywhere, inline values and repeated list flags', () => {
    expect(
      parsed(sample, ['--json', 's1', '--lab=x', '2', '--log', 'a', '--log', 'b', '--nodes', '3']),
    ).toEqual({
      values: { lab: 'x', nodes: '3', json: true, log: ['a', 'b'] },
      positionals: ['s1', '2'],
      passthrough: [],
    });
  });

  it('says in one sentence what is wrong with a command line', () => {
    expect(usageMessage(sample, ['s1', '--bogus'])).toBe('unknown flag --bogus');
    expect(usageMessage(sample, ['s1', '-x'])).toBe('unknown flag -x');
    expect(usageMessage(sample, ['s1', '--lab'])).toBe('--lab needs a value (--lab NAME)');
    expect(usageMessage(sample, ['s1', '--lab', '--json'])).toBe(
      '--lab needs a value (--lab NAME)',
    );
    expect(usageMessage(sample, ['s1', '--json=yes'])).toBe('--json takes no value');
    expect(usageMessage(sample, [])).toBe('missing SCENARIO');
    expect(usageMessage(sample, ['a', 'b', 'c'])).toBe('unexpected argument "c"');
  });

  it('answers --help and -h before anything is checked', () => {
    expect(parseCommandLine(sample, ['--bogus', '--help'])).toEqual({ help: true });
    expect(parseCommandLine(sample, ['-h'])).toEqual({ help: true });
  });

  it('checks positional choices', () => {
    const shell = defineCommand({
      name: 'completion',
      summary: 's',
      flags: {},
      positionals: [{ name: 'SHELL', choices: ['bash', 'zsh'], description: 'd' }],
      load: never,
    });
    expect(usageMessage(shell, ['tcsh'])).toBe('SHELL must be one of bash, zsh, not "tcsh"');
    expect(parsed(shell, ['zsh'])).toMatchObject({ positionals: ['zsh'] });
  });

  it('passes what follows -- on untouched, and requires -- where the verb says so', () => {
    const exec = defineCommand({
      name: 'exec',
      summary: 's',
      flags: { lab: { type: 'string', value: 'NAME', description: 'd' } },
      positionals: [{ name: 'NODE', description: 'd' }],
      passthrough: { name: 'CMD…', description: 'd', requireSeparator: true },
      load: never,
    });
    expect(parsed(exec, ['--lab', 'x', 'worker1', '--', 'ls', '--help'])).toEqual({
      values: { lab: 'x' },
      positionals: ['worker1'],
      passthrough: ['ls', '--help'],
    });
    expect(usageMessage(exec, ['worker1', 'ls'])).toBe('-- must come before the command (CMD…)');
  });

  it('gives kubectl every argument when there is no --, except a lone --help', () => {
    const kubectl = defineCommand({
      name: 'kubectl',
      summary: 's',
      flags: { lab: { type: 'string', value: 'NAME', default: 'default', description: 'd' } },
      passthrough: { name: 'ARGS…', description: 'd', requireSeparator: false },
      load: never,
    });
    expect(parsed(kubectl, ['get', 'pods', '-A'])).toMatchObject({
      values: { lab: 'default' },
      passthrough: ['get', 'pods', '-A'],
    });
    expect(parsed(kubectl, ['--lab', 'x', '--', 'get', '--help'])).toMatchObject({
      values: { lab: 'x' },
      passthrough: ['get', '--help'],
    });
    expect(parseCommandLine(kubectl, ['--help'])).toEqual({ help: true });
    // Our flags at the front without `--`, and kubectl's own `--` left to kubectl.
    expect(parsed(kubectl, ['--lab', 'x', 'get', 'pods'])).toMatchObject({
      values: { lab: 'x' },
      passthrough: ['get', 'pods'],
    });
    expect(parsed(kubectl, ['--lab=x', 'exec', 'web', '--', 'ls', '-l'])).toMatchObject({
      values: { lab: 'x' },
      passthrough: ['exec', 'web', '--', 'ls', '-l'],
    });
    expect(parsed(kubectl, ['exec', 'web', '--', 'ls'])).toMatchObject({
      values: { lab: 'default' },
      passthrough: ['exec', 'web', '--', 'ls'],
    });
  });
});
