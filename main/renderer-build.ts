// Where the built UI lives, and building it on first use from a source checkout.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LabError } from './api/errors.ts';
import { appRoot } from './paths.ts';

export function rendererDir(): string {
  return join(appRoot(), 'out', 'renderer');
}

export function ensureRendererBuilt(log: (line: string) => void): string {
  const dir = rendererDir();
  if (existsSync(join(dir, 'index.html'))) return dir;
  const cli = join(appRoot(), 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(cli)) {
    throw new LabError('UI_NOT_BUILT', `The UI is not built (no ${dir}/index.html).`, {
      fix: 'Run `npm install && npm run build` in the kubelab folder.',
    });
  }
  log('building the UI once (electron-vite build)…');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: appRoot(), stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(join(dir, 'index.html'))) {
    throw new LabError('UI_BUILD_FAILED', 'Building the UI failed (see the output above).', {
      fix: 'Run `npm run build` and fix what it reports.',
    });
  }
  return dir;
}
