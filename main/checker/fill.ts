// Filling a check's `{{pod:NAME.ip}}`-style placeholders: which ones a check uses, and the check
// with their values put in (escaped inside regular expressions). Pure; resolve.ts asks the lab.
import type { Check } from '../scenarios/schema.ts';
import type { TemplateRef } from '../scenarios/templates.ts';
import {
  escapeRegExp,
  isSelector,
  scanTemplates,
  substituteTemplates,
} from '../scenarios/templates.ts';

/** Fields that hold regular expressions: template values are escaped there. */
const PATTERN_KEYS = new Set(['matches', 'stdoutMatches', 'bodyMatches']);
/** Prose fields are shown as written, never filled. */
const PROSE_KEYS = new Set(['description', 'hint']);

function mapStrings(
  value: unknown,
  key: string | null,
  map: (text: string, key: string | null) => string,
): unknown {
  if (typeof value === 'string') return map(value, key);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, key, map));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, item]) => [
        k,
        PROSE_KEYS.has(k) ? item : mapStrings(item, k, map),
      ]),
    );
  }
  return value;
}

/** Every placeholder a check uses, once each (by its text). */
export function templateRefs(check: Check): TemplateRef[] {
  const refs = new Map<string, TemplateRef>();
  mapStrings(check, null, (text) => {
    for (const ref of scanTemplates(text).refs) refs.set(ref.raw, ref);
    return text;
  });
  return [...refs.values()];
}

/** The check with every placeholder replaced by its value from `values` (keyed by `raw`). */
export function fillCheck<C extends Check>(check: C, values: ReadonlyMap<string, string>): C {
  return mapStrings(check, null, (text, key) => {
    if (!text.includes('{{')) return text;
    return substituteTemplates(text, (ref) => {
      const value = values.get(ref.raw);
      if (value === undefined) throw new Error(`no value for ${ref.raw}`);
      return key !== null && PATTERN_KEYS.has(key) ? escapeRegExp(value) : value;
    });
  }) as C;
}

/** `{{pod:web@ns.ip}}` → the object it reads, for messages: `pod web` or `pod web in ns`. */
export function refSubject(ref: TemplateRef): string {
  if (isSelector(ref.name)) {
    const where =
      ref.namespace && ref.namespace !== 'default' ? ` in namespace ${ref.namespace}` : '';
    return `a pod labelled ${ref.name}${where}`;
  }
  const ns = ref.namespace && ref.namespace !== 'default' ? ` in namespace ${ref.namespace}` : '';
  return `${ref.source} ${ref.name}${ns}`;
}
