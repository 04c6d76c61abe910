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
