import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../dispatch.ts';
import { SHELLS } from '../verbs/completion.ts';
import { commands } from '../verbs/index.ts';
import { completionScript } from './script.ts';

const hasShell = (shell: string): boolean =>
  spawnSync(shell, ['-c', 'true'], { stdio: 'ignore' }).status === 0;

/** What the bash script offers for a command line whose last word is being typed. */
function bashOffers(line: string[]): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'kubelab-completion-')), 'kubelab.bash');
  writeFileSync(file, completionScript('bash', commands));
  const words = line.map((word) => `'${word}'`).join(' ');
  const script = `source ${file}; COMP_WORDS=(${words}); COMP_CWORD=${line.length - 1}; _kubelab; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('kubelab completion', () => {
  it.each(SHELLS)('the %s script names every verb, sub-verb and flag', (shell) => {
    const script = completionScript(shell, commands);
    const word = (name: string): RegExp => new RegExp(`(^|[\\s'])${name}([\\s':]|$)`, 'm');
    for (const command of commands) {
      expect(script).toMatch(word(command.name));
      for (const sub of command.subcommands) expect(script).toMatch(word(sub.name));
      for (const flag of Object.keys(command.flags))
        expect(script).toMatch(new RegExp(`--${flag}\\b|-l ${flag}\\b`));
    }
  });

  it.each(SHELLS.filter(hasShell))('the %s script is valid %s syntax', (shell) => {
    const file = join(mkdtempSync(join(tmpdir(), 'kubelab-completion-')), `kubelab.${shell}`);
    writeFileSync(file, completionScript(shell, commands));
    const result = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.runIf(hasShell('bash'))('offers in bash what the declarations say', () => {
    expect(bashOffers(['kubelab', 'bu'])).toEqual(['bundle']);
    expect(bashOffers(['kubelab', 'bundle', ''])).toEqual(['create', 'load', 'inspect', 'keygen']);
    expect(bashOffers(['kubelab', 'bundle', 'load', '--tr'])).toEqual([
      '--trust',
      '--trust-unsigned',
    ]);
    expect(bashOffers(['kubelab', 'up', '--lab', 'x', '--'])).toEqual([
      '--lab',
      '--nodes',
      '--merge-kubeconfig',
      '--help',
    ]);
    expect(bashOffers(['kubelab', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashOffers(['kubelab', 'help', 'im'])).toEqual(['images']);
    expect(bashOffers(['kubelab', 'kubectl', '--', 'get', ''])).toEqual([]);
  });

  it('refuses a shell it has no script for (exit 2)', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (text: string) => err.push(text) };
    expect(await runCli(['completion', 'tcsh'], commands, io)).toBe(2);
    expect(err[0]).toBe('kubelab completion: SHELL must be one of bash, zsh, fish, not "tcsh"\n');
  });
});
