// What differs between a Killercoda machine and a kubelab node, rewritten in texts, commands,
// scripts and files. Killercoda works as root in /root (its ~) on hosts named controlplane and
// node01; kubelab's terminals and solve commands start in /home/learner, where the scenario's
// files land, on nodes named control-plane and worker1. The shell's own ~ on a node is still
// /root (root's home, where kubectl's config lives), so Killercoda's ~ becomes /home/learner
// spelled out, not ~. Every rewrite is counted, so the report can name each one.
import { LEARNER_HOME } from '../placement.ts';

/** shell: commands and scripts (~ is a path); text: prose, output, YAML (~ is not, in YAML null). */
export type RewriteContext = 'shell' | 'text';

export interface RewriteResult {
  text: string;
  /** `from → to` with how often, in the order first seen. */
  counts: Map<string, number>;
}

interface Rule {
  from: string;
  to: string;
  pattern: RegExp;
  replace: string;
  contexts: readonly RewriteContext[];
}

// Killercoda's home as a path; not /host/root or /rootfs, and not ~/.kube or /root/.kube, which
// exist on kubelab's nodes as on Killercoda's (kubectl's config).
const RULES: readonly Rule[] = [
  {
    from: '/root',
    to: LEARNER_HOME,
    pattern: /(?<![\w.~/-])\/root(?![\w-])(?!\/\.kube\b)/g,
    replace: LEARNER_HOME,
    contexts: ['shell', 'text'],
  },
  {
    from: '~/',
    to: `${LEARNER_HOME}/`,
    pattern: /(?<![\w.~/$-])~\/(?!\.kube\b)/g,
    replace: `${LEARNER_HOME}/`,
    contexts: ['shell'],
  },
  {
    from: '~',
    to: LEARNER_HOME,
    pattern: /(?<![\w.~/$-])~(?=$|[\s;|&)"'])/gm,
    replace: LEARNER_HOME,
    contexts: ['shell'],
  },
  // Host names as words of their own: `node01-answer.html` is a file that merely mentions one.
  ...(
    [
      ['controlplane', 'control-plane'],
      ['node01', 'worker1'],
      ['node02', 'worker2'],
    ] as const
  ).map(([from, to]): Rule => ({
    from,
    to,
    pattern: new RegExp(`(?<![\\w/.-])${from}(?![\\w-])`, 'g'),
    replace: to,
    contexts: ['shell', 'text'],
  })),
];

/** Applies every rule of the context; counts what changed. */
export function rewrite(
  text: string,
  context: RewriteContext,
  counts = new Map<string, number>(),
): RewriteResult {
  let out = text;
  for (const rule of RULES) {
    if (!rule.contexts.includes(context)) continue;
    out = out.replace(rule.pattern, () => {
      const key = `${rule.from} → ${rule.to}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return rule.replace;
    });
  }
  return { text: out, counts };
}

/** `/root → /home/learner (3×), node01 → worker1` for the report; empty when nothing changed. */
export function describeRewrites(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([key, n]) => (n > 1 ? `${key} (${n}×)` : key)).join(', ');
}

// `{{pod:…}}`, `{{service:…}}` and `{{node:…}}` are kubelab's live values in Markdown
// (templates.ts); any other `{{…}}` is left alone there. An imported text that happens to hold
// one of those shapes gets a CommonMark backslash escape between the braces: it still shows
// `{{`, but is no longer a placeholder.
const LIVE_VALUE_SHAPE = /\{\{(?=\s*(?:pod|service|node):)/g;

/** Neutralises `{{pod:`-shaped text in imported Markdown; returns how many were escaped. */
export function neutraliseLiveValues(markdown: string): { text: string; escaped: number } {
  let escaped = 0;
  const text = markdown.replace(LIVE_VALUE_SHAPE, () => {
    escaped++;
    return '{\\{';
  });
  return { text, escaped };
}
