import type { VerbRun } from '../command.ts';
import type { Trace, TraceHop } from '../../api/schemas/trace.ts';
import { requireEngine } from '../../engine/docker.ts';
import { traceRequest } from '../../trace/trace.ts';
import { bold, dim, green, red, yellow } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { traceFlags } from '../verbs/trace.ts';
import { labName } from './lab-args.ts';

function mark(hop: TraceHop): string {
  if (hop.seen === null) return '  ';
  return hop.seen ? green('✓ ') : red('✗ ');
}

function printTrace(trace: Trace): void {
  console.log(bold(`${trace.from} → ${trace.to} (${trace.target.ip}:${trace.target.port})`));
  trace.hops.forEach((hop, i) => {
    const where = [hop.node, hop.netns === 'node' ? null : hop.netns, hop.interface]
      .filter(Boolean)
      .join(' · ');
    const packets = hop.packets === null ? '' : dim(` [${hop.packets} packet(s)]`);
    console.log(
      `${mark(hop)}${String(i + 1).padStart(2)}. ${bold(hop.action)} ${dim(where)}${packets}`,
    );
    console.log(`      ${hop.what}`);
    if (hop.rule)
      console.log(
        dim(
          hop.rule
            .split('\n')
            .map((l) => `      │ ${l}`)
            .join('\n'),
        ),
      );
    console.log(dim(`      $ ${hop.command}${hop.runIn ? `   (on ${hop.runIn})` : ''}`));
  });
  if (trace.endpoints.length > 1) {
    console.log(bold('endpoints kube-proxy picks from:'));
    for (const e of trace.endpoints) {
      const picked = e.destination === trace.chosen ? ' ← this path' : '';
      console.log(
        `  ${e.destination} ${e.pod ?? ''} on ${e.node ?? '?'}: ${(e.share * 100).toFixed(0)} %${picked}`,
      );
    }
  }
  for (const note of trace.notes) console.log(yellow(`note: ${note}`));
  if (trace.probe) {
    console.log(bold('probe:'), trace.probe.request, dim(`(exit ${trace.probe.exitCode})`));
    if (trace.probe.conntrack) console.log(dim(`  conntrack: ${trace.probe.conntrack}`));
    for (const line of trace.probe.unseen) console.log(red(`  predicted, not seen: ${line}`));
    for (const line of trace.probe.unexpected) console.log(red(`  not predicted: ${line}`));
  }
}

export const run: VerbRun<typeof traceFlags> = async ({ values, positionals }) => {
  const lab = labName(values.lab);
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d{1,5}$/.test(values.port) || port < 1 || port > 65535)
      throw new UsageError(`--port must be a port number (1-65535), not "${values.port}"`);
  }
  const trace = await traceRequest(await requireEngine(), lab, positionals[0]!, positionals[1]!, {
    ...(port === undefined ? {} : { port }),
    probe: values.probe === true,
  });
  if (values.json) console.log(JSON.stringify(trace, null, 2));
  else printTrace(trace);
  const failedProbe =
    trace.probe !== null && (trace.probe.unseen.length > 0 || trace.probe.unexpected.length > 0);
  return failedProbe ? 1 : 0;
};
