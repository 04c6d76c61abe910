// Sanity checks for the manifests a scenario copies to the learner: every document parses, names
// its apiVersion, kind and metadata.name, every container has a name and an image, and a
// workload's selector matches its pod template's labels (the lines most easily lost).
import { LineCounter, parseAllDocuments } from 'yaml';
import type { ScenarioProblem } from './problems.ts';
import { yamlMessage } from './yaml-source.ts';

export interface ManifestReport {
  problems: ScenarioProblem[];
  /** Images of every container, in document order. */
  images: string[];
  /** `Kind/name` of every document. */
  objects: string[];
}

type Json = Record<string, unknown>;

const POD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'Job', 'CronJob'];

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return current;
}

/** The pod spec inside an object: its own spec for a Pod, the template's for workloads. */
function podSpecOf(doc: Json): unknown {
  if (doc.kind === 'Pod') return doc.spec;
  if (doc.kind === 'CronJob') return dig(doc, 'spec', 'jobTemplate', 'spec', 'template', 'spec');
  return dig(doc, 'spec', 'template', 'spec');
}

function checkContainers(podSpec: unknown, say: (message: string) => void, images: string[]): void {
  if (!isObject(podSpec)) return;
  const containers = podSpec.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    say('the pod spec has no containers');
    return;
  }
  const init: unknown = podSpec.initContainers;
  const all: unknown[] = [
    ...(containers as unknown[]),
    ...(Array.isArray(init) ? (init as unknown[]) : []),
  ];
  for (const [i, container] of all.entries()) {
    const name = dig(container, 'name');
    const image = dig(container, 'image');
    if (typeof name !== 'string') say(`container ${i} has no name`);
    if (typeof image !== 'string')
      say(`container ${typeof name === 'string' ? name : i} has no image`);
    else images.push(image);
  }
}

function checkSelector(doc: Json, say: (message: string) => void): void {
  if (!['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet'].includes(String(doc.kind))) return;
  const wanted = dig(doc, 'spec', 'selector', 'matchLabels');
  const labels = dig(doc, 'spec', 'template', 'metadata', 'labels');
  if (!isObject(wanted)) {
    say('spec.selector.matchLabels is missing');
    return;
  }
  for (const [key, value] of Object.entries(wanted)) {
    if (!isObject(labels) || labels[key] !== value) {
      say(`the pod template lacks the label ${key}=${String(value)} that spec.selector wants`);
    }
  }
}

export function checkManifest(text: string, file: string): ManifestReport {
  const report: ManifestReport = { problems: [], images: [], objects: [] };
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(docs)) {
    report.problems.push({ severity: 'error', file, message: 'the manifest is empty' });
    return report;
  }
  for (const doc of docs) {
    const start = lineCounter.linePos(doc.contents?.range?.[0] ?? doc.range[0]);
    const problem = (message: string, line = start.line, column = start.col): void => {
      report.problems.push({ severity: 'error', file, line, column, message });
    };
    const [error] = doc.errors;
    if (error) {
      // The first error only: the ones after it are usually its echoes.
      const at = lineCounter.linePos(error.pos[0]);
      problem(yamlMessage(error.message), at.line, at.col);
      continue;
    }
    const data: unknown = doc.toJS();
    if (data === null || data === undefined) continue;
    if (!isObject(data)) {
      problem('a manifest document must be a mapping');
      continue;
    }
    const name = dig(data, 'metadata', 'name');
    const label = `${String(data.kind)}/${typeof name === 'string' ? name : '?'}`;
    const say = (message: string): void => problem(`${label}: ${message}`);
    if (typeof data.apiVersion !== 'string') say('apiVersion is missing');
    if (typeof data.kind !== 'string') say('kind is missing');
    if (typeof name !== 'string') say('metadata.name is missing');
    const podSpec = podSpecOf(data);
    if (POD_KINDS.includes(String(data.kind)) && !isObject(podSpec)) {
      say(data.kind === 'Pod' ? 'spec is missing' : 'spec.template.spec is missing');
    }
    checkContainers(podSpec, say, report.images);
    checkSelector(data, say);
    report.objects.push(label);
  }
  return report;
}
