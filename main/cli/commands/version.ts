import type { CliCommand } from '../command.ts';
import { appVersion } from '../../app-version.ts';

export const version: CliCommand = {
  name: 'version',
  summary: 'print the kubelab version (also --version)',
  usage: 'version',
  run: () => {
    console.log(`kubelab ${appVersion()}`);
    return Promise.resolve(0);
  },
};
