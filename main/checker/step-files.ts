// A step's files (manifests) in /home/learner on every node, as the step text promises: copied
// when missing, so a learner's edits (sed -i on a copy) survive; `overwrite` restores originals.
import { access, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { Step } from '../scenarios/schema.ts';
import type { LabContext } from './lab-io.ts';
import { writeOnNode } from './lab-io.ts';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Copies the step's files; returns the names written. */
export async function ensureStepFiles(
  ctx: LabContext,
  loaded: LoadedScenario,
  step: Step,
  options: { overwrite: boolean } = { overwrite: false },
): Promise<string[]> {
  const written: string[] = [];
  for (const file of step.files) {
    const name = basename(file);
    const content = await readFile(join(loaded.dir, file), 'utf8');
    for (const node of ctx.config.nodes) {
      // The learner home is a host folder bind-mounted into the node: a cheap look first.
      if (!options.overwrite && (await exists(join(node.hostDirs.home, name)))) continue;
      await writeOnNode(ctx, node.name, `${ctx.config.learnerHome}/${name}`, content);
      written.push(`${node.name}:${name}`);
    }
  }
  return written;
}

/** Every file of the steps up to and including `index`, for a learner who jumps ahead. */
export async function ensureFilesUpTo(
  ctx: LabContext,
  loaded: LoadedScenario,
  index: number,
): Promise<void> {
  for (const step of loaded.scenario.steps.slice(0, index + 1)) {
    await ensureStepFiles(ctx, loaded, step);
  }
}
