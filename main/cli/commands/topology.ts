import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { collectTopology } from '../../lab/topology/collect.ts';
import type { topologyFlags } from '../verbs/topology.ts';
import { labName } from './lab-args.ts';

export const run: VerbRun<typeof topologyFlags> = async ({ values }) => {
  const lab = labName(values.lab);
  const result = await collectTopology(await requireEngine(), lab);
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  for (const node of result.nodes) {
    console.log(`${node.name} ${node.ip} pods ${node.podCidr}${node.running ? '' : ' (stopped)'}`);
    for (const i of node.interfaces)
      console.log(
        `  ${i.kind.padEnd(9)}${i.name.padEnd(16)}${i.addresses.join(' ')}${i.master ? ` → ${i.master}` : ''}${i.pod ? ` ↔ pod ${i.pod}` : ''}`,
      );
    for (const r of node.routes)
      console.log(`  route ${r.dst}${r.via ? ` via ${r.via}` : ''}${r.dev ? ` dev ${r.dev}` : ''}`);
  }
  for (const s of result.services)
    console.log(
      `svc ${s.namespace}/${s.name} ${s.type} ${s.clusterIP ?? '-'} → ${s.endpoints.map((e) => e.ip).join(', ') || '(no endpoints)'}`,
    );
  for (const v of result.volumes)
    console.log(
      `pv ${v.pv} ${v.phase} ${v.claim ? `${v.claim.namespace}/${v.claim.name}` : '-'} ${v.path ?? ''} → ${v.hostFolder ?? '(inside the node)'}`,
    );
  for (const c of result.unboundClaims)
    console.log(`pvc ${c.namespace}/${c.name} ${c.phase} (no PersistentVolume bound)`);
  return 0;
};
