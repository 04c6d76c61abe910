// The registry of CLI verbs: declarations only (flags, positionals, sub-verbs, a lazy import of
// the implementation), so that help, --help, version and completion start without loading
// dockerode, zod or the lab. The verbs and their flags are a contract: keep them stable.
import type { CliCommand } from '../command.ts';
import { bench } from './bench.ts';
import { bundle } from './bundle.ts';
import { check } from './check.ts';
import { completion } from './completion.ts';
import { doctor } from './doctor.ts';
import { down } from './down.ts';
import { env } from './env.ts';
import { exec, shell } from './exec.ts';
import { exportVerb } from './export.ts';
import { help } from './help.ts';
import { images } from './images.ts';
import { kubeconfig } from './kubeconfig.ts';
import { kubectl } from './kubectl.ts';
import { labs } from './labs.ts';
import { preview } from './preview.ts';
import { report } from './report.ts';
import { reset } from './reset.ts';
import { scenarios } from './scenarios.ts';
import { desktop, serve } from './serve.ts';
import { solve } from './solve.ts';
import { status } from './status.ts';
import { suspend } from './suspend.ts';
import { topology } from './topology.ts';
import { trace } from './trace.ts';
import { up } from './up.ts';
import { verify } from './verify.ts';
import { version } from './version.ts';

export const commands: readonly CliCommand[] = [
  help,
  version,
  doctor,
  images,
  bundle,
  up,
  status,
  labs,
  reset,
  suspend,
  down,
  kubectl,
  kubeconfig,
  env,
  exec,
  shell,
  topology,
  trace,
  preview,
  exportVerb,
  scenarios,
  check,
  solve,
  report,
  verify,
  bench,
  serve,
  desktop,
  completion,
];
