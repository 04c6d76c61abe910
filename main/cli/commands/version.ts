import type { VerbRun } from '../command.ts';
import { appVersion } from '../../app-version.ts';
import type { versionFlags } from '../verbs/version.ts';

export const run: VerbRun<typeof versionFlags> = () => {
  console.log(`kubelab ${appVersion()}`);
  return Promise.resolve(0);
};
