import { describe, expect, it } from 'vitest';
import type { LabError } from '../api/errors.ts';
import { kubectlFileName, kubectlTargets } from './host-kubectl.ts';

describe('the kubectl each installer carries', () => {
  it('follows electron-builder: no flags means this machine', () => {
    expect(kubectlTargets([], 'linux', 'x64')).toEqual([{ os: 'linux', arch: 'x64' }]);
    expect(kubectlTargets([], 'darwin', 'arm64')).toEqual([{ os: 'mac', arch: 'arm64' }]);
  });

  it('builds every named platform for every named architecture', () => {
    expect(
      kubectlTargets(['--mac', '--win', '--x64', '--arm64', '--publish'], 'linux', 'x64'),
    ).toEqual([
      { os: 'mac', arch: 'x64' },
      { os: 'mac', arch: 'arm64' },
      { os: 'win', arch: 'x64' },
      { os: 'win', arch: 'arm64' },
    ]);
    expect(kubectlTargets(['-w', '-w'], 'linux', 'arm64')).toEqual([{ os: 'win', arch: 'arm64' }]);
  });

  it('says what to name where it cannot guess', () => {
    const fixOf = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (error) {
        return (error as LabError).fix;
      }
      return undefined;
    };
    expect(fixOf(() => kubectlTargets([], 'freebsd', 'x64'))).toMatch(/--linux/);
    expect(fixOf(() => kubectlTargets(['--linux'], 'linux', 'ia32'))).toMatch(/--x64/);
  });

  it('names the Windows binary with .exe', () => {
    expect(kubectlFileName('win')).toBe('kubectl.exe');
    expect(kubectlFileName('mac')).toBe('kubectl');
  });
});
