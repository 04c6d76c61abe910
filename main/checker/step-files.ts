// The files a step promises (manifests, scripts, configs) where its text says they are: copied
// when missing, so a learner's edits (sed -i on a copy) survive; `overwrite` restores originals.
// The scenario's own `files:` come before its first step's.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { Placement } from '../scenarios/placement.ts';
import { inLearnerHome, placementOf } from '../scenarios/placement.ts';
import type { StepFile } from '../scenarios/schema.ts';
import type { LabContext } from './lab-io.ts';
import { execOnNode, writeOnNode } from './lab-io.ts';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether the file is already on the node (a learner's edited copy counts). */
async function present(ctx: LabContext, node: string, placement: Placement): Promise<boolean> {
  const spec = ctx.config.nodes.find((n) => n.name === node);
  const inHome = inLearnerHome(placement);
  // The learner home is a host folder bind-mounted into the node: a cheap look first.
  if (spec && inHome !== null) return exists(join(spec.hostDirs.home, inHome));
  return (await execOnNode(ctx, node, 'test -e "$1"', [placement.path])).exitCode === 0;
}

async function place(
  ctx: LabContext,
  loaded: LoadedScenario,
  files: readonly StepFile[],
  overwrite: boolean,
): Promise<string[]> {
  const written: string[] = [];
  for (const entry of files) {
    const placement = placementOf(entry);
    const content = await readFile(join(loaded.dir, placement.source), 'utf8');
    const nodes = ctx.config.nodes
      .map((n) => n.name)
      .filter((name) => placement.node === null || placement.node === name);
    for (const node of nodes) {
      if (!overwrite && (await present(ctx, node, placement))) continue;
      await writeOnNode(ctx, node, placement.path, content, placement.mode ?? undefined);
      written.push(`${node}:${placement.path}`);
    }
  }
  return written;
}

/** Places the step's files (and the scenario's); returns `node:path` of each file written. */
export async function ensureStepFiles(
  ctx: LabContext,
  loaded: LoadedScenario,
  index: number,
  options: { overwrite: boolean } = { overwrite: false },
): Promise<string[]> {
  const step = loaded.scenario.steps[index];
  return [
    ...(await place(ctx, loaded, loaded.scenario.files, options.overwrite)),
    ...(step ? await place(ctx, loaded, step.files, options.overwrite) : []),
  ];
}

/** Every file of the steps up to and including `index`, for a learner who jumps ahead. */
export async function ensureFilesUpTo(
  ctx: LabContext,
  loaded: LoadedScenario,
  index: number,
): Promise<void> {
  await place(ctx, loaded, loaded.scenario.files, false);
  for (const step of loaded.scenario.steps.slice(0, index + 1)) {
    await place(ctx, loaded, step.files, false);
  }
}
