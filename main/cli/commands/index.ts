// The registry of CLI verbs. The verbs and their flags are a contract: keep them stable.
import type { CliCommand } from '../command.ts';
import { doctor } from './doctor.ts';
import { help } from './help.ts';
import { serve } from './serve.ts';
import { desktop } from './desktop.ts';
import { version } from './version.ts';

export const commands: Record<string, CliCommand> = Object.fromEntries(
  [help, version, doctor, serve, desktop].map((command) => [command.name, command]),
);
