import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { labUp } from '../../lab/up.ts';
import { bold, dim, green } from '../output.ts';
import { labName, labOption } from './lab-args.ts';

export const up: CliCommand = {
  name: 'up',
  summary: 'create, warm-start or repair a lab; returns when it is Ready',
  usage: 'up [--lab NAME] [--nodes N]',
  run: async (args) => {
    const { values } = parseArgs({ args, options: { ...labOption, nodes: { type: 'string' } } });
    const client = await requireEngine();
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    const started = Date.now();
    let lastPhase = '';
    const result = await labUp(client, {
      lab: labName(values.lab),
      ...(values.nodes !== undefined ? { nodes: Number(values.nodes) } : {}),
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
    return 0;
  },
};
