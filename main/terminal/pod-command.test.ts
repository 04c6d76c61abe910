import { describe, expect, it } from 'vitest';
import { TerminalOpenSchema } from '../api/schemas/terminal.ts';
import { podCommand, podSessionKey } from './pod-command.ts';

describe('podCommand', () => {
  it('execs into the named container with a bash-or-sh shell', () => {
    const cmd = podCommand({
      namespace: 'default',
      name: 'web-1',
      container: 'nginx',
      action: 'shell',
    });
    expect(cmd.slice(0, 9)).toEqual([
      'kubectl',
      'exec',
      '-it',
      '-n',
      'default',
      'web-1',
      '-c',
      'nginx',
      '--',
    ]);
    expect(cmd.at(-1)).toContain('exec sh');
  });

  it('follows logs of the default container when none is named', () => {
    expect(podCommand({ namespace: 'kube-system', name: 'coredns-x', action: 'logs' })).toEqual([
      'kubectl',
      'logs',
      '-f',
      '--tail=500',
      '-n',
      'kube-system',
      'coredns-x',
    ]);
  });

  it('passes names to describe as arguments, never inside the script', () => {
    const cmd = podCommand({ namespace: 'default', name: 'web-1', action: 'describe' });
    expect(cmd.slice(-3)).toEqual(['describe', 'default', 'web-1']);
    expect(cmd[2]).not.toContain('web-1');
  });

  it('keys sessions by action, pod and container', () => {
    expect(podSessionKey({ namespace: 'a', name: 'p', action: 'logs' })).not.toBe(
      podSessionKey({ namespace: 'a', name: 'p', action: 'shell' }),
    );
  });
});

describe('TerminalOpenSchema with a pod', () => {
  it('accepts a pod target and refuses shell metacharacters in names', () => {
    expect(
      TerminalOpenSchema.parse({
        lab: 'ui',
        node: 'control-plane',
        pod: { name: 'web-1', action: 'logs' },
      }).pod,
    ).toEqual({ namespace: 'default', name: 'web-1', action: 'logs' });
    expect(
      TerminalOpenSchema.safeParse({
        node: 'control-plane',
        pod: { name: 'x;rm -rf /', action: 'shell' },
      }).success,
    ).toBe(false);
    expect(
      TerminalOpenSchema.safeParse({ node: 'control-plane', pod: { name: 'x', action: 'exec' } })
        .success,
    ).toBe(false);
  });
});
