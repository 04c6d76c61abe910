// Flags several verbs share, declared once so their names and meaning stay the same everywhere.
import type { BooleanFlag, StringFlag } from '../command.ts';

export const LAB_FLAG = {
  type: 'string',
  value: 'NAME',
  // The same name as DEFAULT_LAB in main/lab/config.ts (a test keeps them equal); not imported,
  // so that --help never loads the lab modules.
  default: 'default',
  description: 'the lab to work on',
} as const satisfies StringFlag;

export const JSON_FLAG = {
  type: 'boolean',
  description: 'print JSON instead of a table',
} as const satisfies BooleanFlag;

export const SCENARIOS_DIR_FLAG = {
  type: 'string',
  value: 'DIR',
  description: 'take scenarios only from this folder of scenario folders (an instructor’s own)',
} as const satisfies StringFlag;

export const YES_FLAG = {
  type: 'boolean',
  description: 'do not ask first (needed where no terminal can ask)',
} as const satisfies BooleanFlag;

export const PORT_FLAG = {
  type: 'string',
  value: 'N',
  default: '7420',
  description: 'the loopback port to listen on; 0 takes any free port',
} as const satisfies StringFlag;
