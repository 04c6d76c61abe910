// The pure part of `npm run dist`: its arguments, and the electron-builder configuration they
// make from electron-builder.yml (an instructor's bundle added as extraResources `bundle/NAME`,
// where the first-run screen looks).
import { basename, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { LabError } from '../api/errors.ts';
import { BUNDLE_EXTENSION } from '../bundle/inspect.ts';

export interface DistOptions {
  /** Absolute path of the workshop bundle to carry, if any. */
  bundle: string | undefined;
  dryRun: boolean;
  skipBuild: boolean;
  /** Passed on to electron-builder (e.g. --linux, --win). */
  rest: string[];
}

export function parseDistArgs(argv: readonly string[]): DistOptions {
  const options: DistOptions = { bundle: undefined, dryRun: false, skipBuild: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--with-bundle' || arg.startsWith('--with-bundle=')) {
      const file = arg === '--with-bundle' ? argv[++i] : arg.slice('--with-bundle='.length);
      if (!file || file.startsWith('--'))
        throw new LabError('BAD_REQUEST', '--with-bundle needs a FILE.', {
          fix: 'npm run dist -- --with-bundle workshop.kubelab',
        });
      if (!file.endsWith(BUNDLE_EXTENSION))
        throw new LabError(
          'BAD_REQUEST',
          `--with-bundle ${file}: the first-run screen only looks for *${BUNDLE_EXTENSION} files.`,
          { fix: `Rename it to end in ${BUNDLE_EXTENSION}.` },
        );
      options.bundle = resolve(file);
    } else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--skip-build') options.skipBuild = true;
    else options.rest.push(arg);
  }
  return options;
}

export type BuilderConfig = Configuration;

/** electron-builder.yml's configuration with the bundle, if any, added to extraResources. */
export function distConfig(base: BuilderConfig, bundle: string | undefined): BuilderConfig {
  if (!bundle) return base;
  const listed = base.extraResources ?? [];
  return {
    ...base,
    extraResources: [
      ...(Array.isArray(listed) ? listed : [listed]),
      { from: bundle, to: `bundle/${basename(bundle)}` },
    ],
  };
}

/** Where the `kubelab` command's launcher sits in an installed app (extraResources bin/). */
export const CLI_LAUNCHER = 'resources/bin/kubelab';

/**
 * The deb package's maintainer scripts: electron-builder's own (its templates, passed in, so its
 * links, sandbox and AppArmor steps stay exactly its own) with the `kubelab` command's link
 * added — electron-builder takes one after-install script, so adding means replacing. The
 * `${…}` names are electron-builder's, filled in when it writes the package.
 */
export function debScripts(
  afterInstallTemplate: string,
  afterRemoveTemplate: string,
): { afterInstall: string; afterRemove: string } {
  const target = `/opt/\${sanitizedProductName}/${CLI_LAUNCHER}`;
  return {
    afterInstall: `${afterInstallTemplate.trimEnd()}

# kubelab: the \`kubelab\` command on every user's PATH (the launcher runs the app's own CLI).
ln -sf '${target}' '/usr/bin/kubelab'
`,
    afterRemove: `${afterRemoveTemplate.trimEnd()}

# kubelab: the command's link, only while it is still the one this package made.
if [ "$(readlink '/usr/bin/kubelab' 2>/dev/null)" = '${target}' ]; then
  rm -f '/usr/bin/kubelab'
fi
`,
  };
}

/** The configuration with the deb scripts (written to files by the caller) in place. */
export function withDebScripts(
  base: BuilderConfig,
  files: { afterInstall: string; afterRemove: string },
): BuilderConfig {
  return { ...base, deb: { ...base.deb, ...files } };
}
