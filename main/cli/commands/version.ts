import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand } from '../command.ts';
import { appRoot } from '../../paths.ts';

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export const version: CliCommand = {
  name: 'version',
  summary: 'print the kubelab version (also --version)',
  usage: 'version',
  run: () => {
    console.log(`kubelab ${appVersion()}`);
    return Promise.resolve(0);
  },
};
