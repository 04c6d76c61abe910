// The registry of CLI verbs. The verbs and their flags are a contract: keep them stable.
import type { CliCommand } from '../command.ts';
import { doctor } from './doctor.ts';
import { help } from './help.ts';
import { serve } from './serve.ts';
import { desktop } from './desktop.ts';
import { version } from './version.ts';
import { images } from './images.ts';
import { up } from './up.ts';
import { status } from './status.ts';
import { reset } from './reset.ts';
import { down } from './down.ts';
import { kubectl } from './kubectl.ts';
import { exec, shell } from './exec.ts';
import { topology } from './topology.ts';
import { scenarios } from './scenarios.ts';
import { check } from './check.ts';
import { solve } from './solve.ts';
import { verify } from './verify.ts';
import { bundle } from './bundle.ts';
import { bench } from './bench.ts';

export const commands: Record<string, CliCommand> = Object.fromEntries(
  [
    help,
    version,
    doctor,
    images,
    bundle,
    up,
    status,
    reset,
    down,
    kubectl,
    exec,
    shell,
    topology,
    scenarios,
    check,
    solve,
    verify,
    bench,
    serve,
    desktop,
  ].map((command) => [command.name, command]),
);
