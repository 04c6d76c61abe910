// packaging/windows/cli-path.nsh, compiled by the real NSIS compiler (Debian's makensis, the
// program electron-builder runs to make the Windows installer) in both of electron-builder's
// passes — the installer, and the uninstaller it builds first (BUILD_UNINSTALLER) — with its
// warnings as errors, as electron-builder sets them. Running the installer needs Windows; this
// proves the script is one electron-builder can build with.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../paths.ts';

// The smallest installer shaped like electron-builder's: customInstall in the install section,
// customUnInstall in the uninstaller's section.
const installer = (include: string): string => `!include "${include}"
OutFile "kubelab-setup.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\\Programs\\kubelab"
!ifndef BUILD_UNINSTALLER
Section "install"
  !insertmacro customInstall
SectionEnd
!else
Section "install"
  WriteUninstaller "$INSTDIR\\Uninstall kubelab.exe"
SectionEnd
Section "un.install"
  !insertmacro customUnInstall
SectionEnd
!endif
`;

describe("the Windows installer's PATH script", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubelab-nsis-'));
    await writeFile(
      join(dir, 'installer.nsi'),
      installer(join(appRoot(), 'packaging', 'windows', 'cli-path.nsh')),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const compile = (...defines: string[]): string =>
    execFileSync('makensis', ['-WX', '-V2', ...defines, 'installer.nsi'], {
      cwd: dir,
      encoding: 'utf8',
    });

  it('compiles into the installer, warnings as errors', () => {
    expect(() => compile()).not.toThrow();
  });

  it('compiles into the uninstaller, warnings as errors', () => {
    expect(() => compile('-DBUILD_UNINSTALLER')).not.toThrow();
  });
});
