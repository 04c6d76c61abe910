import type { CliCommand } from '../command.ts';
import { commands } from './index.ts';

export function helpText(): string {
  const lines = [
    'kubelab — learn Kubernetes storage and networking on a real local cluster',
    '',
    'usage:',
  ];
  for (const command of Object.values(commands)) {
    lines.push(`  kubelab ${command.usage}`, `      ${command.summary}`);
  }
  lines.push('', 'Environment: KUBELAB_HOME (default ~/.kubelab), DOCKER_HOST.');
  return lines.join('\n');
}

export const help: CliCommand = {
  name: 'help',
  summary: 'show this list',
  usage: 'help',
  run: () => {
    console.log(helpText());
    return Promise.resolve(0);
  },
};
