// Looks through imported commands, scripts and manifests for what a kubelab lab cannot give them:
// images other than the lab's, the internet, ssh between nodes, and setup that fails when run a
// second time. Pure: it reads text and answers with findings for the report.
import { checkManifest } from '../manifests.ts';

/** `--image=nginx`, `--image nginx:1.25`, quoted or not. */
const IMAGE_FLAG = /--image(?:=|\s+)["']?([^\s"';|&)]+)/g;

/** Images named by `--image` flags in shell text. */
export function imageFlags(shell: string): string[] {
  return [...shell.matchAll(IMAGE_FLAG)].map((match) => match[1] ?? '').filter(Boolean);
}

/** Images the containers of a manifest use (empty for YAML that is no manifest). */
export function manifestImages(yaml: string, file: string): string[] {
  return checkManifest(yaml, file).images;
}

// A public host name: a dotted name ending in a top-level domain people download from, so that
// `curl http://web`, `http://10.0.0.1` and `http://$(…)` (the lab's own) are not taken for it.
const PUBLIC_URL =
  /\bhttps?:\/\/(?:[\w-]+\.)+(?:com|io|org|net|dev|sh|co|cloud|app|me|info)\b[^\s"'`)]*/;

const NEEDS_INTERNET: readonly { pattern: RegExp; what: string }[] = [
  {
    pattern: /\b(?:apt-get|apt|yum|dnf|apk)\s+(?:-\S+\s+)*(?:install|update|add)\b/,
    what: 'installs packages',
  },
  {
    pattern: /\bpip3?\s+install\b|\bnpm\s+(?:install|i)\b|\bgo\s+install\b/,
    what: 'installs packages',
  },
  { pattern: /\bgit\s+clone\b/, what: 'clones a repository' },
  { pattern: /\bhelm\s+repo\s+add\b/, what: 'adds a Helm repository' },
  { pattern: PUBLIC_URL, what: 'fetches from the internet' },
];

const SSH =
  /\b(?:ssh|scp)\s+(?:-\S+\s+)*(?:\w+@)?(controlplane|node0\d|host0\d|control-plane|worker\d)\b/;

// `kubectl create …` without --dry-run fails when the object exists; so does `mkdir` without -p.
const NOT_IDEMPOTENT: readonly { pattern: RegExp; advice: string }[] = [
  {
    pattern: /\bkubectl\b[^|;&\n]*?\screate\s(?![^\n]*--dry-run)(?![^\n]*\|\|)/,
    advice:
      'use `kubectl apply`, or `kubectl create … --dry-run=client -o yaml | kubectl apply -f -`',
  },
  { pattern: /\bmkdir\s+(?![^\n]*-p)(?![^\n]*\|\|)/, advice: 'use `mkdir -p`' },
];

export interface Finding {
  /** 1-based line in the text scanned. */
  line: number;
  message: string;
}

function byLine(text: string, test: (line: string) => string | null): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line)) return;
    const message = test(line);
    if (message !== null) findings.push({ line: i + 1, message });
  });
  return findings;
}

/** Lines that need what the lab does not have: the internet, ssh to another node. */
export function labGaps(shell: string): Finding[] {
  return byLine(shell, (line) => {
    const ssh = SSH.exec(line);
    if (ssh) {
      return `\`${line.trim()}\`: kubelab's nodes have no ssh between them; the learner uses ${ssh[1]}'s own terminal (and solve actions name the node)`;
    }
    const need = NEEDS_INTERNET.find(({ pattern }) => pattern.test(line));
    if (need) return `\`${line.trim()}\` ${need.what}: the lab has no internet (pods and nodes)`;
    return null;
  });
}

/** Lines that fail on a second run, as `` `line` fails when …: advice`` after `when`. */
export function notIdempotent(shell: string, when: string): Finding[] {
  return byLine(shell, (line) => {
    const rule = NOT_IDEMPOTENT.find(({ pattern }) => pattern.test(line));
    return rule ? `\`${line.trim()}\` fails when ${when}: ${rule.advice}` : null;
  });
}

// A command that runs until someone stops it: in a solve it would hang until the timeout.
const LONG_RUNNING =
  /\bkubectl\b[^\n|;&]*\s(?:-w|--watch)\b|(?:^|[;&|]\s*)watch\s|\b(?:tail|kubectl\s+logs)\b[^\n|;&]*\s(?:-f|--follow)\b|\bport-forward\b|\bkubectl\s+proxy\b/m;

export function runsUntilStopped(command: string): boolean {
  return LONG_RUNNING.test(command);
}
