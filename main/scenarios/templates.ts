// Placeholders that only the live cluster can fill in, e.g. a pod's IP: `{{pod:NAME.ip}}`,
// `{{pod:NAME.node}}`, `{{pod:app=web.name}}`, `{{service:NAME.clusterIP}}`, `{{service:NAME.nodePort}}`,
// `{{node:NAME.ip}}`, `{{node:NAME.podCidr}}`; pods and services take an optional namespace,
// `{{pod:web-0@default.ip}}`, and a pod may be picked by label, `{{pod:app=web.ip}}` (the first
// running one by name; `app=web[2]` the second). Checks use them (the checker fills them in with substituteTemplates())
// and so does step Markdown, where they are the live values the guide shows.
import { LabError } from '../api/errors.ts';

export const TEMPLATE_ATTRIBUTES = {
  pod: ['ip', 'node', 'name'],
  service: ['clusterIP', 'nodePort'],
  node: ['ip', 'podCidr'],
} as const;

export type TemplateSource = keyof typeof TEMPLATE_ATTRIBUTES;

export interface TemplateRef {
  /** The placeholder exactly as written, braces included. */
  raw: string;
  source: TemplateSource;
  name: string;
  namespace?: string;
  attribute: string;
}

export interface TemplateScan {
  refs: TemplateRef[];
  /** One sentence per malformed placeholder. */
  errors: string[];
}

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
// NAME, or a label KEY=VALUE for pods (a key may have a DNS prefix: app.kubernetes.io/name=web),
// with [N] for the Nth of the pods it picks (by name), e.g. app=web[2].
const INNER =
  /^\s*([a-zA-Z]+):([a-z0-9](?:[-a-z0-9./]*[a-z0-9])?(?:=[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?(?:\[[1-9]\])?)?)(?:@([a-z0-9](?:[-a-z0-9]*[a-z0-9])?))?\.([A-Za-z]+)\s*$/;
/** In Markdown only `{{pod:…}}`, `{{service:…}}` and `{{node:…}}` are ours; `{{.Go}}` templates are text. */
const LIVE_PLACEHOLDER = /\{\{\s*(?:pod|service|node):.*?\}\}/g;

function isSource(value: string): value is TemplateSource {
  return Object.hasOwn(TEMPLATE_ATTRIBUTES, value);
}

function parseOne(raw: string, inner: string): TemplateRef | string {
  const match = INNER.exec(inner);
  if (!match) {
    return `"${raw}" is not a template; write {{pod:NAME.ip}}, {{service:NAME.clusterIP}}, {{node:NAME.ip}} …`;
  }
  const [, source = '', name = '', namespace, attribute = ''] = match;
  if (!isSource(source))
    return `"${raw}": unknown template source "${source}" (pod, service, node)`;
  const allowed: readonly string[] = TEMPLATE_ATTRIBUTES[source];
  if (!allowed.includes(attribute)) {
    return `"${raw}": ${source} has no "${attribute}" (use ${allowed.join(' or ')})`;
  }
  if (source === 'node' && namespace !== undefined) return `"${raw}": nodes have no namespace`;
  if (name.includes('=') && source !== 'pod')
    return `"${raw}": only pods can be picked by label (KEY=VALUE)`;
  const ref: TemplateRef = { raw, source, name, attribute };
  if (namespace !== undefined) ref.namespace = namespace;
  return ref;
}

/** Every placeholder in a string, and what is wrong with the malformed ones. */
export function scanTemplates(text: string): TemplateScan {
  const scan: TemplateScan = { refs: [], errors: [] };
  for (const match of text.matchAll(PLACEHOLDER)) {
    const parsed = parseOne(match[0], match[1] ?? '');
    if (typeof parsed === 'string') scan.errors.push(parsed);
    else scan.refs.push(parsed);
  }
  const leftover = text.replace(PLACEHOLDER, '');
  if (leftover.includes('{{') || leftover.includes('}}')) {
    scan.errors.push('unbalanced "{{" or "}}" (templates look like {{pod:NAME.ip}})');
  }
  return scan;
}

/** The live values a step's Markdown names, and what is wrong with the malformed ones. */
export function scanLiveValues(markdown: string): TemplateScan {
  const scan: TemplateScan = { refs: [], errors: [] };
  for (const match of markdown.matchAll(LIVE_PLACEHOLDER)) {
    const parsed = parseOne(match[0], match[0].slice(2, -2));
    if (typeof parsed === 'string') scan.errors.push(parsed);
    else if (!scan.refs.some((ref) => ref.raw === parsed.raw)) scan.refs.push(parsed);
  }
  return scan;
}

/** Replaces each live value in Markdown with what `fill` answers for it; other text stays. */
export function fillLiveValues(markdown: string, fill: (raw: string) => string): string {
  return markdown.replace(LIVE_PLACEHOLDER, (raw) => fill(raw));
}

/** `app=web` → true: the pod is picked by label, not by name. */
export function isSelector(name: string): boolean {
  return name.includes('=');
}

/** `app=web[2]` → the selector and which of its pods (1-based; 1 when not said). */
export function selectorParts(name: string): { selector: string; nth: number } {
  const match = /^(.*)\[([1-9])\]$/.exec(name);
  return match ? { selector: match[1]!, nth: Number(match[2]) } : { selector: name, nth: 1 };
}

/** Replaces every placeholder with what `resolve` answers for it. */
export function substituteTemplates(text: string, resolve: (ref: TemplateRef) => string): string {
  return text.replace(PLACEHOLDER, (raw: string, inner: string) => {
    const parsed = parseOne(raw, inner);
    if (typeof parsed === 'string')
      throw new LabError('BAD_SCENARIO', parsed, {
        fix: 'Run `kubelab scenarios lint` on the scenario and correct what it reports.',
      });
    return resolve(parsed);
  });
}

/** Escapes a resolved value for use inside a regular expression (the *Matches fields). */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
