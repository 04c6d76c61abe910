import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { MAX_NODES } from '../../lab/config.ts';
import { labUp } from '../../lab/up.ts';
import { bold, dim, green } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { upFlags } from '../verbs/up.ts';
import { labName } from './lab-args.ts';

function nodeCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > MAX_NODES)
    throw new UsageError(`--nodes must be a whole number from 1 to ${MAX_NODES}, not "${text}"`);
  return count;
}

export const run: VerbRun<typeof upFlags> = async ({ values }) => {
  const lab = labName(values.lab);
  const nodes = nodeCount(values.nodes);
  const client = await requireEngine();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const started = Date.now();
  let lastPhase = '';
  const result = await labUp(client, {
    lab,
    ...(nodes !== undefined ? { nodes } : {}),
    signal: controller.signal,
    onProgress: ({ phase, percent, message }) => {
      const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
      if (phase !== lastPhase) lastPhase = phase;
      console.log(
        `${dim(`${elapsed}s`)} ${String(percent).padStart(3)}% ${bold(phase.padEnd(14))} ${message}`,
      );
    },
  });
  console.log(
    green(
      `lab "${result.lab}" is ready (${result.start} start, ${result.totalSeconds.toFixed(1)} s)`,
    ),
  );
  console.log(`  API server: https://127.0.0.1:${result.apiPort}`);
  console.log(`  kubeconfig: ${result.kubeconfig}   (export KUBECONFIG=${result.kubeconfig})`);
  console.log(
    `  phases: ${Object.entries(result.timings)
      .map(([name, s]) => `${name} ${s.toFixed(1)}s`)
      .join(', ')}`,
  );
  if (values['merge-kubeconfig']) {
    const { contextName, mergeLabKubeconfig } = await import('../../lab/kubeconfig-file.ts');
    const path = await mergeLabKubeconfig(result.lab);
    console.log(`  context:    ${contextName(result.lab)} in ${path} (now the current context)`);
  }
  return 0;
};
