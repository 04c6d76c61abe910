// A Killercoda scenario (as read.ts read it) mapped to a kubelab scenario: scenario.yaml's data,
// every file of the new folder, and the notes of the import report. Pure: no disk, no clock.
import { isLabImage, labImages, normalizeImage } from '../images.ts';
import type { NodeName } from '../nodes.ts';
import { NODE_NAMES } from '../nodes.ts';
import type { ScenarioInput } from '../schema.ts';
import { LEVELS } from '../schema.ts';
import { mapAssets } from './assets.ts';
import type { KillercodaIndex, KillercodaPage } from './index-json.ts';
import { noteUnknownIndexKeys } from './index-json.ts';
import type { KillercodaFolder } from './read.ts';
import type { ImportNote } from './report.ts';
import { NoteList } from './report.ts';
import { describeRewrites, rewrite } from './rewrite.ts';
import { importScript } from './scripts.ts';
import { imageFlags, manifestImages } from './scan.ts';
import type { StepInput } from './steps.ts';
import { mapStep } from './steps.ts';
import { importText } from './texts.ts';

export interface ImportPlan {
  scenario: ScenarioInput;
  /** Every file of the kubelab folder but scenario.yaml and the report: path → content. */
  outputs: Map<string, string>;
  notes: ImportNote[];
}

/** `Create the ConfigMap!` → `create-the-configmap`; `fallback` when nothing is left. */
export function kebab(text: string, fallback: string): string {
  const id = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // the accents NFKD split off: é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return id || fallback;
}

function uniqueIds(titles: readonly string[]): string[] {
  const seen = new Set<string>();
  return titles.map((title, i) => {
    const base = kebab(title, `step-${i + 1}`);
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return id;
  });
}

/** A title or description with the lab's host names and home (noted when that changed it). */
function labText(text: string, where: string, notes: NoteList): string {
  const result = rewrite(text, 'text');
  if (result.counts.size > 0) notes.add('changed', where, describeRewrites(result.counts));
  return result.text;
}

/** The cluster size Killercoda's backend image asks for (`kubernetes-kubeadm-2nodes` → 2). */
function backendNodes(index: KillercodaIndex, notes: NoteList): number {
  const imageid = index.backend?.imageid;
  const say = notes.at('index.json: backend.imageid');
  if (imageid === undefined) {
    say('assumed', 'no backend image named: a 1-node cluster');
    return 1;
  }
  if (!imageid.startsWith('kubernetes')) {
    say(
      'review',
      `"${imageid}" is not a Kubernetes environment; kubelab always gives a Kubernetes cluster (1 node here) with bash, kubectl and curl on each node`,
    );
    return 1;
  }
  const count = /(\d+)nodes?$/.exec(imageid);
  if (imageid.includes('k3s'))
    say('changed', `"${imageid}" is k3s; kubelab's cluster is kubeadm-made`);
  return count ? Number(count[1]) : 1;
}

function mapLevel(difficulty: string | undefined, notes: NoteList): ScenarioInput['level'] {
  const text = difficulty?.trim().toLowerCase() ?? '';
  const level = (LEVELS as readonly string[]).includes(text)
    ? (text as ScenarioInput['level'])
    : ({ easy: 'beginner', medium: 'intermediate', hard: 'advanced' } as const)[text];
  if (level) return level;
  notes.add(
    'assumed',
    'index.json: difficulty',
    difficulty === undefined
      ? 'not given: level beginner'
      : `"${difficulty}" is no kubelab level: beginner`,
  );
  return 'beginner';
}

function mapMinutes(time: string | undefined, steps: number, notes: NoteList): number {
  const minutes = time === undefined ? NaN : Number(/\d+/.exec(time)?.[0]);
  if (Number.isInteger(minutes) && minutes > 0 && minutes <= 600) return minutes;
  const guess = Math.min(600, 5 * steps);
  notes.add(
    'assumed',
    'index.json: time',
    `${time === undefined ? 'not given' : `"${time}" is not a number of minutes`}: ${guess} (5 per step)`,
  );
  return guess;
}

/** Intro or finish page: its text as a page, its scripts noted (setup only for the intro). */
function mapPage(
  which: 'intro' | 'finish',
  page: KillercodaPage | undefined,
  folder: KillercodaFolder,
  notes: NoteList,
  out: { outputs: Map<string, string>; shell: string[]; setup: string | null },
): string | undefined {
  if (!page) return undefined;
  const background = page.background ?? page.courseData;
  if (background !== undefined) {
    if (which === 'intro') {
      out.setup = importScript(folder.files, background, 'background', notes);
      if (out.setup !== null) out.shell.push(out.setup);
    } else {
      notes.add(
        'unmapped',
        background,
        'a background script of the finish page: kubelab runs nothing after the last step: not imported',
      );
    }
  }
  const foreground = page.foreground ?? page.code;
  if (foreground !== undefined) {
    notes.add(
      'unmapped',
      foreground,
      `a foreground script runs in the learner's terminal when the ${which} page opens; kubelab has no equivalent: not imported`,
    );
  }
  if (page.text === undefined) return undefined;
  const raw = folder.files.get(page.text);
  if (raw === undefined) {
    notes.add(
      'unmapped',
      page.text,
      `index.json names this ${which} page, but the folder has no such file`,
    );
    return undefined;
  }
  const text = importText(raw.toString('utf8'), page.text, notes);
  if (text.markdown.trim() === '') return undefined;
  if (text.commands.length > 0) {
    notes.add(
      'assumed',
      page.text,
      `${text.commands.length} run block(s) on the ${which} page are shown to run, but no step's solve runs them`,
    );
  }
  out.shell.push(...text.shell);
  out.outputs.set(`${which}.md`, text.markdown);
  return `${which}.md`;
}

/** Every image the scenario's manifests and commands name, with the ones the lab lacks noted. */
function collectImages(
  outputs: ReadonlyMap<string, string>,
  shell: readonly string[],
  notes: NoteList,
): string[] {
  const found = new Map<string, { image: string; where: string }>();
  const add = (image: string, where: string): void => {
    const key = normalizeImage(image);
    if (!found.has(key)) found.set(key, { image, where });
  };
  for (const [path, content] of outputs) {
    if (/\.ya?ml$/.test(path)) for (const image of manifestImages(content, path)) add(image, path);
  }
  for (const text of shell) for (const image of imageFlags(text)) add(image, 'a command');
  const available = labImages();
  for (const { image, where } of found.values()) {
    if (!isLabImage(image, available)) {
      notes.add(
        'review',
        where,
        `image "${image}" is not one the lab serves: pods cannot pull it (lint reports it). Use nginx, httpd, busybox, debian, python, curlimages/curl or ghost`,
      );
    }
  }
  return [...found.values()].map(({ image }) => image);
}

function clusterSize(wanted: number, used: ReadonlySet<NodeName>, notes: NoteList): number {
  const needed = Math.max(wanted, ...[...used].map((node) => NODE_NAMES.indexOf(node) + 1));
  if (needed > wanted)
    notes.add(
      'assumed',
      'index.json: backend.imageid',
      `files or commands use ${needed} nodes: the cluster gets ${needed}`,
    );
  if (needed > NODE_NAMES.length) {
    notes.add(
      'unmapped',
      'index.json: backend.imageid',
      `${needed} nodes asked for: kubelab's cluster has at most ${NODE_NAMES.length}`,
    );
  }
  return Math.min(needed, NODE_NAMES.length);
}

export function mapKillercoda(folder: KillercodaFolder, id: string): ImportPlan {
  const notes = new NoteList();
  const { index } = folder;
  noteUnknownIndexKeys(folder.raw, notes);
  const page = {
    outputs: new Map<string, string>(),
    shell: [] as string[],
    setup: null as string | null,
  };
  const intro = mapPage('intro', index.details.intro, folder, notes, page);
  const finish = mapPage('finish', index.details.finish, folder, notes, page);
  const assets = mapAssets(index.details.assets ?? {}, folder.assets, folder.files, notes);
  const outputs = new Map([...page.outputs, ...assets.outputs]);
  const shell = [...page.shell];
  const used = new Set<NodeName>(assets.nodes);
  const titles = index.details.steps.map((step, i) =>
    labText(step.title, `index.json: details.steps[${i}].title`, notes),
  );
  const ids = uniqueIds(titles);
  const steps: StepInput[] = index.details.steps.map((source, i) => {
    const mapped = mapStep({ ...source, title: titles[i]! }, i, ids[i]!, folder.files, notes);
    for (const [path, content] of mapped.outputs) outputs.set(path, content);
    shell.push(...mapped.shell);
    for (const action of mapped.step.solve)
      if ('run' in action && action.node) used.add(action.node);
    return mapped.step;
  });
  const description = index.description?.trim()
    ? labText(index.description.trim(), 'index.json: description', notes)
    : undefined;
  if (!description)
    notes.add('assumed', 'index.json: description', 'not given: the summary repeats the title');
  const title = labText(index.title, 'index.json: title', notes);
  const scenario: ScenarioInput = {
    id,
    title,
    summary: description ?? title,
    level: mapLevel(index.difficulty, notes),
    minutes: mapMinutes(index.time, steps.length, notes),
    nodes: clusterSize(backendNodes(index, notes), used, notes),
    images: collectImages(outputs, shell, notes),
    ...(intro ? { intro } : {}),
    ...(finish ? { finish } : {}),
    ...(assets.files.length > 0 ? { files: assets.files } : {}),
    ...(page.setup !== null ? { setup: [{ run: page.setup }] } : {}),
    steps,
  };
  return { scenario, outputs, notes: notes.notes };
}
