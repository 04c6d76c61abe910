// Everything that can be checked about a scenario folder without a cluster: what the loader
// checks, plus the manifests, the images, the closing cleanup step of the built-in scenarios and
// a few authoring habits.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readAddedImages } from '../images/added.ts';
import { isLabImage, labImages, normalizeImage } from './images.ts';
import { REPORT_FILE } from './import/report.ts';
import type { LoadedScenario } from './load.ts';
import { SCENARIO_FILE, loadScenario } from './load.ts';
import { checkManifest } from './manifests.ts';
import { inLearnerHome, placementOf } from './placement.ts';
import type { ScenarioProblem } from './problems.ts';
import { formatProblem } from './problems.ts';
import type { Scenario } from './schema.ts';

/** The manifests a scenario hands the learner or applies in its setup (by their YAML name). */
function manifestsOf(scenario: Scenario): string[] {
  const sources = [scenario, ...scenario.steps].flatMap((part) => [
    ...part.files.map((file) => placementOf(file).source),
    ...part.setup.flatMap((action) => ('apply' in action ? [action.apply] : [])),
  ]);
  return [...new Set(sources.filter((source) => /\.ya?ml$/.test(source)))];
}

async function filesUnder(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path, base) : [relative(base, path)];
    }),
  );
  return nested.flat();
}

async function manifestProblems(loaded: LoadedScenario): Promise<ScenarioProblem[]> {
  const { dir, scenario } = loaded;
  const file = join(dir, SCENARIO_FILE);
  const problems: ScenarioProblem[] = [];
  const declared = new Set([...scenario.images, ...scenario.brokenImages].map(normalizeImage));
  for (const name of manifestsOf(scenario)) {
    const path = join(dir, name);
    const report = checkManifest(await readFile(path, 'utf8'), path);
    problems.push(...report.problems);
    for (const image of report.images) {
      if (!declared.has(normalizeImage(image))) {
        problems.push({
          severity: 'error',
          file: path,
          message: `image "${image}" is used here but not listed in the scenario's images (or brokenImages, for one a troubleshooting step breaks on purpose)`,
        });
      }
    }
  }
  const available = labImages();
  const added = new Set((await readAddedImages()).map((image) => image.name));
  scenario.images.forEach((image, i) => {
    if (isLabImage(image, available)) return;
    if (added.has(normalizeImage(image))) {
      problems.push({
        severity: 'warning',
        file,
        path: `images[${i}]`,
        message: `"${image}" is not one of kubelab's own images: it was added on this machine (kubelab images add), so it runs here, and a learner's machine needs it added too`,
      });
      return;
    }
    problems.push({
      severity: 'error',
      file,
      path: `images[${i}]`,
      message: `"${image}" is not an image the lab serves (pods cannot pull anything else; an image of your own: kubelab images add ${image})`,
    });
  });
  scenario.brokenImages.forEach((image, i) => {
    if (isLabImage(image, available)) {
      problems.push({
        severity: 'error',
        file,
        path: `brokenImages[${i}]`,
        message: `"${image}" is an image the lab serves: pods would pull it fine (list it in images)`,
      });
    }
  });
  return problems;
}

const FILE_ARGUMENT = /(?:^|\s)-f\s+([\w.-]+\.ya?ml)\b/g;

/** Manifests that commands pass with `-f NAME.yaml` but no step up to this one copies. */
function uncopiedFiles(loaded: LoadedScenario): ScenarioProblem[] {
  const { dir, scenario, markdown } = loaded;
  const problems: ScenarioProblem[] = [];
  const copied = new Set<string>();
  const copy = (files: Scenario['files']): void => {
    for (const file of files) {
      const inHome = inLearnerHome(placementOf(file));
      if (inHome !== null) copied.add(inHome);
    }
  };
  copy(scenario.files);
  scenario.steps.forEach((step, i) => {
    copy(step.files);
    const missing = (text: string): string[] =>
      [...text.matchAll(FILE_ARGUMENT)]
        .map((match) => match[1] ?? '')
        .filter((name) => !copied.has(name));
    step.solve.forEach((action, j) => {
      if (!('run' in action)) return;
      for (const name of missing(action.run)) {
        problems.push({
          severity: 'error',
          file: join(dir, SCENARIO_FILE),
          path: `steps[${i}].solve[${j}].run`,
          message: `uses ${name}, which no step up to this one copies (files:)`,
        });
      }
    });
    for (const name of new Set(missing(markdown[step.id] ?? ''))) {
      problems.push({
        severity: 'warning',
        file: join(dir, step.text),
        message: `mentions ${name}, which no step up to this one copies`,
      });
    }
  });
  return problems;
}

function stepProblems(loaded: LoadedScenario): ScenarioProblem[] {
  const { dir, scenario, markdown } = loaded;
  const file = join(dir, SCENARIO_FILE);
  const problems: ScenarioProblem[] = [...uncopiedFiles(loaded)];
  const last = scenario.steps.length - 1;
  // The built-in teaching scenarios (those naming a seed tutorial) end by tidying up, so the
  // next one starts clean; an instructor's or an imported scenario need not: reset cleans a lab.
  if (scenario.seed !== undefined && scenario.steps[last]?.id !== 'cleanup') {
    problems.push({
      severity: 'error',
      file,
      path: `steps[${last}].id`,
      message: 'the last step must be the cleanup step (id: cleanup)',
    });
  }
  scenario.steps.forEach((step, i) => {
    if (step.hints.length === 0) {
      problems.push({
        severity: 'warning',
        file,
        path: `steps[${i}].hints`,
        message: 'no hints',
      });
    }
    if (!/^```/m.test(markdown[step.id] ?? '')) {
      problems.push({
        severity: 'warning',
        file: join(dir, step.text),
        message: 'no fenced code block: show the learner the exact commands',
      });
    }
  });
  return problems;
}

async function unusedFiles(loaded: LoadedScenario): Promise<ScenarioProblem[]> {
  const { scenario } = loaded;
  // README.md and an import's report are for the author, not the learner: no reference needed.
  const referenced = new Set<string>([
    SCENARIO_FILE,
    'README.md',
    REPORT_FILE,
    ...manifestsOf(scenario),
  ]);
  for (const page of [scenario.intro, scenario.finish]) if (page) referenced.add(page);
  for (const part of [scenario, ...scenario.steps]) {
    part.files.forEach((file) => referenced.add(placementOf(file).source));
  }
  for (const step of scenario.steps) referenced.add(step.text);
  const files = await filesUnder(loaded.dir);
  return files
    .filter((file) => !referenced.has(file.split('\\').join('/')))
    .map((file) => ({
      severity: 'warning' as const,
      file: join(loaded.dir, file),
      message: 'not referenced by scenario.yaml',
    }));
}

/** Every problem with the scenario in `dir`, errors and warnings; empty when all is well. */
export async function lintScenarioFolder(dir: string): Promise<ScenarioProblem[]> {
  const result = await loadScenario(dir);
  if (!result.ok) return result.problems;
  return [
    ...(await manifestProblems(result.loaded)),
    ...stepProblems(result.loaded),
    ...(await unusedFiles(result.loaded)),
  ];
}

/** The same, as compiler-style lines: `file:line:column: path: message`. */
export async function lintMessages(dir: string): Promise<string[]> {
  return (await lintScenarioFolder(dir)).map(formatProblem);
}
