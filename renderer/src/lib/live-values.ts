// Live values in the step text: each {{pod:web.ip}}-style placeholder becomes the lab's value,
// marked so the learner sees it came from their lab; one that has no value yet becomes a marked
// "waiting" label, and a command holding one cannot be sent. Marks travel through Markdown and
// highlighting as private-use characters, which neither touches, and become spans at the end.
import type { LiveValues } from '../../../main/api/schemas/scenarios.ts';
import { fillLiveValues } from '../../../main/scenarios/templates.ts';

const VALUE_OPEN = '\uE000';
const VALUE_CLOSE = '\uE001';
const PENDING_OPEN = '\uE002';
const PENDING_CLOSE = '\uE003';
const ANY_MARK = /[\uE000-\uE003]/g;
// What a lab value may look like (IPs, CIDRs, ports, names): anything else is not put in a command.
const PLAIN_VALUE = /^[A-Za-z0-9._:/-]+$/;

/** `{{pod:web@shop.ip}}` → `pod web IP`: the words shown while a value is missing. */
export function pendingLabel(raw: string): string {
  const inner = raw.slice(2, -2).trim();
  const match = /^(\w+):(.+?)(?:@[^.]+)?\.(\w+)$/.exec(inner);
  if (!match) return inner;
  const [, source, name, attribute] = match;
  const what = {
    ip: 'IP',
    node: 'node',
    clusterIP: 'cluster IP',
    nodePort: 'node port',
    podCidr: 'pod subnet',
  }[attribute!];
  return `${source} ${name} ${what ?? attribute}`;
}

/** The Markdown with every live value filled in and marked; `values` null: not asked yet. */
export function markLiveValues(markdown: string, values: LiveValues | null): string {
  return fillLiveValues(markdown, (raw) => {
    const found = values?.[raw];
    if (found && 'value' in found && PLAIN_VALUE.test(found.value))
      return `${VALUE_OPEN}${found.value}${VALUE_CLOSE}`;
    return `${PENDING_OPEN}${pendingLabel(raw)}${PENDING_CLOSE}`;
  });
}

/** Escaped HTML (or highlighted code) with its marks turned into spans, unbalanced ones dropped. */
export function marksToHtml(html: string): string {
  return (
    html
      // Inside a tag (a link's href) a value stays plain text: a span there would break the tag.
      .replace(/<[^>]*>/g, (tag) => tag.replace(ANY_MARK, ''))
      .replace(
        /\uE000([^<\uE000-\uE003]*)\uE001/g,
        (_, value: string) =>
          `<span class="live-value" title="the value in your lab">${value}</span>`,
      )
      .replace(
        /\uE002([^<\uE000-\uE003]*)\uE003/g,
        (_, label: string) =>
          `<span class="live-pending" title="not in your lab yet">‹${label}›</span>`,
      )
      .replace(ANY_MARK, '')
  );
}

/** The text to copy or type: values as they are, missing ones as their label. */
export function unmarked(code: string): string {
  return code
    .replace(/\uE002([^\uE000-\uE003]*)\uE003/g, (_, label: string) => `<${label}>`)
    .replace(ANY_MARK, '');
}

/** The values a block still waits for (none: it can be sent). */
export function pendingIn(code: string): string[] {
  return [...code.matchAll(/\uE002([^\uE000-\uE003]*)\uE003/g)].map((match) => match[1]!);
}
