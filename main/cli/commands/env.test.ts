import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultShell, envLines } from './env.ts';

describe('kubelab env', () => {
  it('picks the shell from $SHELL, PowerShell on Windows, else sh syntax', () => {
    expect(defaultShell('/usr/bin/fish', 'linux')).toBe('fish');
    expect(defaultShell('/bin/zsh', 'darwin')).toBe('zsh');
    expect(defaultShell('/usr/bin/pwsh', 'linux')).toBe('powershell');
    expect(defaultShell(undefined, 'win32')).toBe('powershell');
    expect(defaultShell('/bin/ksh', 'linux')).toBe('bash');
  });

  it('quotes paths with spaces and quotes so a real bash takes them literally', () => {
    const bin = "/home/o'brien/my labs/bin";
    const kubeconfig = '/home/x/$HOME/kubeconfig';
    const script = `${envLines('bash', bin, kubeconfig).join('\n')}\nprintf '%s\\n' "\${PATH%%:*}" "$KUBECONFIG"`;
    const out = execFileSync('bash', ['-c', script], { env: { PATH: '/usr/bin:/bin' } });
    expect(out.toString()).toBe(`${bin}\n${kubeconfig}\n`);
  });

  it('writes fish and PowerShell syntax', () => {
    expect(envLines('fish', '/b', '/k')).toEqual([
      "set -gx PATH '/b' $PATH",
      "set -gx KUBECONFIG '/k'",
    ]);
    expect(envLines('powershell', "C:\\it's", 'C:\\k')).toEqual([
      "$env:PATH = 'C:\\it''s' + [IO.Path]::PathSeparator + $env:PATH",
      "$env:KUBECONFIG = 'C:\\k'",
    ]);
  });
});
