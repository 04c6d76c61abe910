import { describe, expect, it } from 'vitest';
import { check, pod, runningPod } from '../test-checks.ts';
import { execCommand, judgeExec, podCommandLine } from './exec.ts';
import { podTargetProblem, withoutKubectlNoise } from './pod-target.ts';

const ok = (
  stdout: string,
  exitCode = 0,
  stderr = '',
): { exitCode: number; stdout: string; stderr: string } => ({
  exitCode,
  stdout,
  stderr,
});

describe('exec', () => {
  it('passes on the expected exit status and output', () => {
    const hostname = check({
      type: 'exec',
      in: { pod: 'p' },
      command: 'hostname',
      stdoutMatches: '^pod-demo$',
    });
    expect(judgeExec(hostname, ok('pod-demo\n'))).toEqual({
      passed: true,
      expected: 'exit status 0, output matching /^pod-demo$/',
      found: 'exit status 0, output: pod-demo',
    });
    expect(judgeExec(hostname, ok('web\n'))).toMatchObject({
      passed: false,
      found: 'exit status 0, output: web',
    });
  });

  it('checks the exit status alone, and any expected status', () => {
    const gone = check({ type: 'exec', in: { node: 'control-plane' }, command: 'test ! -e /x' });
    expect(judgeExec(gone, ok('')).passed).toBe(true);
    expect(judgeExec(gone, ok('', 1, 'command terminated with exit code 1\n'))).toEqual({
      passed: false,
      expected: 'exit status 0',
      found: 'exit status 1, no output',
    });
    const fails = check({ type: 'exec', in: { node: 'worker1' }, command: 'false', exitCode: 1 });
    expect(judgeExec(fails, ok('', 1)).passed).toBe(true);
  });

  it('needs the text in the output, and shows the line where it is', () => {
    const logs = check({
      type: 'exec',
      in: { node: 'control-plane' },
      command: 'kubectl logs x',
      stdoutContains: 'It works!',
    });
    const long = `${'x'.repeat(400)}\n<html><body><h1>It works!</h1></body></html>\n${'y'.repeat(400)}`;
    expect(judgeExec(logs, ok(long))).toMatchObject({
      passed: true,
      found: 'exit status 0, output: … <html><body><h1>It works!</h1></body></html> …',
    });
    expect(judgeExec(logs, ok('Connection refused\n', 0)).passed).toBe(false);
    expect(judgeExec(logs, ok('', 7, 'curl: (7) Failed to connect')).found).toBe(
      'exit status 7, no output, errors: curl: (7) Failed to connect',
    );
  });

  it('shows a command for the node terminal or kubectl exec', () => {
    expect(
      execCommand(check({ type: 'exec', in: { node: 'worker1' }, command: 'ip route' })),
    ).toEqual({
      command: 'ip route',
      runIn: 'worker1',
    });
    expect(
      execCommand(
        check({ type: 'exec', in: { pod: 'p', container: 'c' }, command: 'cat /etc/hosts' }),
      ),
    ).toEqual({ command: 'kubectl exec p -c c -- cat /etc/hosts', runIn: null });
    expect(podCommandLine("test ! -e /pod-data && echo 'x'")).toBe(
      `sh -c 'test ! -e /pod-data && echo '\\''x'\\'''`,
    );
  });
});

describe('pod targets', () => {
  it('are fine when the container runs', () => {
    expect(podTargetProblem({ pod: 'p', container: 'b' }, runningPod('p', ['a', 'b']))).toBeNull();
    expect(podTargetProblem({ pod: 'p' }, runningPod('p'))).toBeNull();
  });

  it('say what keeps a command from running', () => {
    expect(podTargetProblem({ pod: 'p' }, null)).toBe('pod p does not exist');
    expect(podTargetProblem({ pod: 'p', container: 'x' }, runningPod('p', ['a', 'b']))).toBe(
      'pod p has no container x (it has a, b)',
    );
    expect(podTargetProblem({ pod: 'p' }, pod('p', { phase: 'Pending' }))).toBe(
      'pod p is Pending, not Running',
    );
    const crashing = pod('p', {
      phase: 'Running',
      containerStatuses: [{ name: 'main', state: { waiting: { reason: 'CrashLoopBackOff' } } }],
    });
    expect(podTargetProblem({ pod: 'p' }, crashing)).toBe(
      'container main of pod p is not running (CrashLoopBackOff)',
    );
  });

  it("drop kubectl's own lines from a command's errors", () => {
    expect(
      withoutKubectlNoise(
        'Defaulted container "a" out of: a, b\noops\ncommand terminated with exit code 2',
      ),
    ).toBe('oops');
  });
});
