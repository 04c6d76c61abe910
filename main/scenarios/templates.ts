// Placeholders in check strings that only the live cluster can fill in, e.g. a pod's IP:
// `{{pod:NAME.ip}}`, `{{pod:NAME.node}}`, `{{service:NAME.clusterIP}}`,
// `{{service:NAME.nodePort}}`, `{{node:NAME.ip}}`; pods and services take an optional
// namespace, `{{pod:web-0@default.ip}}`. The checker resolves them with substituteTemplates().
import { LabError } from '../api/errors.ts';

export const TEMPLATE_ATTRIBUTES = {
  pod: ['ip', 'node'],
  service: ['clusterIP', 'nodePort'],
  node: ['ip'],
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
const INNER =
  /^\s*([a-zA-Z]+):([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)(?:@([a-z0-9](?:[-a-z0-9]*[a-z0-9])?))?\.([A-Za-z]+)\s*$/;

function isSource(value: string): value is TemplateSource {
  return Object.hasOwn(TEMPLATE_ATTRIBUTES, value);
}

function parseOne(raw: string, inner: string): TemplateRef | string {
  const match = INNER.exec(inner);
  if (!match) {
    return `"${raw}" is not a template; write {{pod:NAME.ip}}, {{service:NAME.clusterIP}}, {{node:NAME.ip}} …`;
  }
  const [, source = '', name = '', namespace, attribute = ''] = match;
  if (!isSource(source)) return `"${raw}": unknown template source "${source}" (pod, service, node)`;
  const allowed: readonly string[] = TEMPLATE_ATTRIBUTES[source];
  if (!allowed.includes(attribute)) {
    return `"${raw}": ${source} has no "${attribute}" (use ${allowed.join(' or ')})`;
  }
  if (source === 'node' && namespace !== undefined) return `"${raw}": nodes have no namespace`;
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
