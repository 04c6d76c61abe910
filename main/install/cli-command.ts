// Installs the `kubelab` command of an installed app where no installer script can: the macOS
// dmg (the app is dragged to /Applications) and the AppImage (one file, started from anywhere).
// The deb links it from its after-install script and the Windows installer puts it on PATH
// (electron-builder.yml), so there is nothing to offer there, nor in a source checkout, where
// `npm link` or `npx kubelab` is the way.
//
// macOS: a link in /usr/local/bin (on PATH by default) when it is writable, else in
// ~/.local/bin, to the launcher in the app (packaging/cli/kubelab). AppImage: the image is
// mounted afresh at each start, so a link into it would break; the command is a small script
// that mounts the image (`--appimage-mount`, the AppImage runtime's own option), runs the CLI
// with the app's binary as Node.js and unmounts. The image's AppRun is bypassed on purpose: it
// may add Chromium's --no-sandbox, which Node.js refuses.
import { accessSync, constants, existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { chmod, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { LabError } from '../api/errors.ts';
import type { CommandInstalled, CommandStatus } from '../api/schemas/command.ts';
import { installedResources } from '../paths.ts';

export interface CommandPlace {
  platform: NodeJS.Platform;
  /** The installed app's resources folder; null in a checkout. */
  resources: string | null;
  /** Set by the AppImage runtime: the image file the app was started from. */
  appImage: string | undefined;
  home: string;
  pathEnv: string;
  writable: (dir: string) => boolean;
}

export type CommandPlan =
  | { kind: 'link'; path: string; target: string }
  | { kind: 'script'; path: string; content: string };

/** What the app would install, or null where an installer did it (or nothing can). */
export function commandPlan(place: CommandPlace): CommandPlan | null {
  if (!place.resources) return null;
  const userBin = join(place.home, '.local', 'bin');
  if (place.platform === 'darwin') {
    const dir = place.writable('/usr/local/bin') ? '/usr/local/bin' : userBin;
    return {
      kind: 'link',
      path: join(dir, 'kubelab'),
      target: join(place.resources, 'bin', 'kubelab'),
    };
  }
  if (place.platform === 'linux' && place.appImage) {
    return {
      kind: 'script',
      path: join(userBin, 'kubelab'),
      content: appImageScript(place.appImage),
    };
  }
  return null;
}

/** Marks a script as this module's: only such a file is replaced by a new install. */
const SCRIPT_MARK = 'The kubelab command, written by the kubelab app';

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** The AppImage's `kubelab` command (see the top of this file). */
export function appImageScript(appImage: string): string {
  return `#!/bin/sh
# ${SCRIPT_MARK} for the AppImage it was started from. It
# mounts the image, runs the kubelab CLI inside it with the app's own binary as Node.js, and
# unmounts. Moved or renamed the AppImage? Open it and install the command again.
image=${shellQuote(appImage)}
if [ ! -x "$image" ]; then
  echo "kubelab: $image is gone or not executable; open the kubelab AppImage and install the command again." >&2
  exit 1
fi
fifo=$(mktemp -u "\${TMPDIR:-/tmp}/kubelab-mount.XXXXXX")
mkfifo "$fifo"
"$image" --appimage-mount > "$fifo" &
runtime=$!
trap 'kill "$runtime" 2>/dev/null; rm -f "$fifo"' EXIT INT TERM
read -r mounted < "$fifo"
if [ -z "$mounted" ] || [ ! -d "$mounted/resources" ]; then
  echo "kubelab: could not mount $image (is FUSE available?)" >&2
  exit 1
fi
LD_LIBRARY_PATH="$mounted/usr/lib\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ELECTRON_RUN_AS_NODE=1 \\
  "$mounted/kubelab-desktop" "$mounted/resources/app.asar/out/cli/index.js" "$@"
`;
}

function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function placeHere(): CommandPlace {
  return {
    platform: process.platform,
    resources: installedResources(),
    appImage: process.env.APPIMAGE,
    home: homedir(),
    pathEnv: process.env.PATH ?? '',
    writable: canWrite,
  };
}

/** The first `kubelab` on PATH (a file or a link, followed or not). */
function onPath(pathEnv: string): string | null {
  for (const dir of pathEnv.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'kubelab');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const folderOnPath = (pathEnv: string, path: string): boolean =>
  pathEnv.split(delimiter).includes(dirname(path));

export function commandStatus(place: CommandPlace = placeHere()): CommandStatus {
  const plan = commandPlan(place);
  return {
    onPath: onPath(place.pathEnv),
    offer: plan
      ? { path: plan.path, kind: plan.kind, folderOnPath: folderOnPath(place.pathEnv, plan.path) }
      : null,
  };
}

/**
 * Installs the command as planned. An existing file there is replaced only if it is kubelab's
 * (a link to a kubelab launcher, or a script this module wrote): anything else is the learner's.
 */
export async function installCommand(place: CommandPlace = placeHere()): Promise<CommandInstalled> {
  const plan = commandPlan(place);
  if (!plan)
    throw new LabError('COMMAND_NOT_OFFERED', 'There is no kubelab command to install from here.', {
      fix: 'Installed with the deb package or the Windows installer, `kubelab` is on PATH already; in a source checkout, run `npm link` or `npx kubelab`.',
    });
  if (existsSync(plan.path) || isLink(plan.path)) {
    if (!isKubelabsOwn(plan.path))
      throw new LabError('COMMAND_PATH_TAKEN', `${plan.path} exists and is not kubelab's.`, {
        fix: `Move or delete ${plan.path}, then install the command again.`,
      });
  }
  await mkdir(dirname(plan.path), { recursive: true });
  // Made aside and renamed over: a terminal never finds half a command.
  const temp = `${plan.path}.kubelab-new`;
  await rm(temp, { force: true });
  if (plan.kind === 'link') await symlink(plan.target, temp);
  else {
    await writeFile(temp, plan.content);
    await chmod(temp, 0o755);
  }
  await rename(temp, plan.path);
  const message = folderOnPath(place.pathEnv, plan.path)
    ? 'Open a new terminal and run `kubelab version`.'
    : `${dirname(plan.path)} is not on your PATH: add \`export PATH="${dirname(plan.path)}:$PATH"\` to your shell profile, then open a new terminal.`;
  return { path: plan.path, message };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A link to an app's launcher (…/resources/bin/kubelab), or a script with this module's mark. */
function isKubelabsOwn(path: string): boolean {
  if (isLink(path)) return /[\\/][Rr]esources[\\/]bin[\\/]kubelab$/.test(readlinkSync(path));
  try {
    return readFileSync(path, 'utf8').includes(SCRIPT_MARK);
  } catch {
    return false;
  }
}
