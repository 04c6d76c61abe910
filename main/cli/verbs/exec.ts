import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const execFlags = { lab: LAB_FLAG } as const;
export const shellFlags = execFlags;

const NODE = 'control-plane, worker1 or worker2';

export const exec = defineCommand({
  name: 'exec',
  summary: 'run a command in a lab node',
  flags: execFlags,
  positionals: [{ name: 'NODE', description: `the node: ${NODE}` }],
  passthrough: {
    name: 'CMD…',
    description: 'the command and its arguments',
    requireSeparator: true,
  },
  load: async () => (await import('../commands/exec.ts')).runExec,
});

export const shell = defineCommand({
  name: 'shell',
  summary: 'a login shell in a lab node',
  flags: shellFlags,
  positionals: [
    { name: 'NODE', optional: true, description: `the node (default: control-plane): ${NODE}` },
  ],
  load: async () => (await import('../commands/exec.ts')).runShell,
});
