// The command a pod terminal runs inside a node (kubectl there already has the admin kubeconfig).
import type { PodTerminal } from '../api/schemas/terminal.ts';

export function podCommand(pod: PodTerminal): string[] {
  const where = ['-n', pod.namespace, pod.name, ...(pod.container ? ['-c', pod.container] : [])];
  switch (pod.action) {
    case 'shell':
      // Many images have no bash (busybox, alpine): fall back to sh.
      return [
        'kubectl',
        'exec',
        '-it',
        ...where,
        '--',
        'sh',
        '-c',
        'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi',
      ];
    case 'logs':
      return ['kubectl', 'logs', '-f', '--tail=500', ...where];
    case 'describe':
      // Keep the session (and its text) open after describe prints, until the learner closes it.
      return [
        'sh',
        '-c',
        'kubectl describe pod -n "$1" "$2"; printf "\\n(done: close this tab, or press Enter to run it again)\\n"; while read -r _; do kubectl describe pod -n "$1" "$2"; done',
        'describe',
        pod.namespace,
        pod.name,
      ];
  }
}

/** The tab title a UI shows and the key that makes re-opening the same thing re-attach. */
export function podSessionKey(pod: PodTerminal): string {
  return `pod:${pod.action}:${pod.namespace}/${pod.name}${pod.container ? `/${pod.container}` : ''}`;
}
