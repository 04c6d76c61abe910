import { join } from 'node:path';
import type { VerbRun } from '../command.ts';
import { labDir } from '../../lab/config.ts';
import {
  contextName,
  labKubeconfigText,
  mergeLabKubeconfig,
  standaloneKubeconfig,
} from '../../lab/kubeconfig-file.ts';
import { green } from '../output.ts';
import type { kubeconfigFlags } from '../verbs/kubeconfig.ts';
import { labName } from './lab-args.ts';

export const run: VerbRun<typeof kubeconfigFlags> = async ({ values }) => {
  const lab = labName(values.lab);
  if (values.print) {
    process.stdout.write(await standaloneKubeconfig(lab));
    return 0;
  }
  if (values.merge) {
    const path = await mergeLabKubeconfig(lab);
    console.log(green(`context ${contextName(lab)} is in ${path} and is the current context`));
    console.log(
      `  kubectl get nodes   (kubelab down --lab ${lab} --purge removes the context again)`,
    );
    return 0;
  }
  await labKubeconfigText(lab);
  const path = join(labDir(lab), 'kubeconfig');
  console.log(path);
  console.error(`  export KUBECONFIG=${path}   or   kubelab kubeconfig --lab ${lab} --merge`);
  return 0;
};
