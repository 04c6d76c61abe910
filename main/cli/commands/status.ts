import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { labStatus } from '../../lab/status.ts';
import { bold, green, red, yellow } from '../output.ts';
import type { statusFlags } from '../verbs/status.ts';
import { labName } from './lab-args.ts';

export const run: VerbRun<typeof statusFlags> = async ({ values }) => {
  const lab = labName(values.lab);
  const result = await labStatus(await requireEngine(), lab);
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return result.problems.length ? 1 : 0;
  }
  console.log(
    bold(`lab ${result.lab}`) + (result.apiEndpoint ? `  API ${result.apiEndpoint}` : ''),
  );
  if (result.kubeconfig) console.log(`kubeconfig ${result.kubeconfig}`);
  console.log(
    `Kubernetes ${result.versions.kubernetes}, containerd ${result.versions.containerd}, etcd ${result.versions.etcd}, CoreDNS ${result.versions.coredns}`,
  );
  if (result.nodes.length) {
    console.log(
      bold(
        `${'NODE'.padEnd(15)}${'ROLE'.padEnd(15)}${'CONTAINER'.padEnd(11)}${'READY'.padEnd(7)}${'IP'.padEnd(14)}${'POD CIDR'.padEnd(14)}BRIDGE`,
      ),
    );
    for (const node of result.nodes) {
      const ready = node.ready === null ? '-' : node.ready ? 'yes' : 'NO';
      console.log(
        `${node.name.padEnd(15)}${node.role.padEnd(15)}${node.containerState.padEnd(11)}${ready.padEnd(7)}${node.ip.padEnd(14)}${node.podCidr.padEnd(14)}${node.bridge ? `${node.bridge.name} ${node.bridge.ip ?? '(no address yet)'}` : '-'}`,
      );
    }
  }
  for (const problem of result.problems) console.log(`${yellow('problem:')} ${problem}`);
  if (!result.problems.length) console.log(green('no problems found'));
  else if (!result.exists) console.log(red('no such lab'));
  return result.problems.length ? 1 : 0;
};
