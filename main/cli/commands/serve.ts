import type { VerbRun } from '../command.ts';
import { createApp } from '../../app.ts';
import { ensureRendererBuilt } from '../../renderer-build.ts';
import { startServer } from '../../server/http-server.ts';
import { bold } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import { PORT_FLAG } from '../verbs/shared-flags.ts';
import { serveCatalog } from '../../scenarios/catalog-env.ts';
import { scenariosRoot } from './scenario-args.ts';
import type { serveFlags } from '../verbs/serve.ts';

export const DEFAULT_PORT = Number(PORT_FLAG.default);

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  }
  return port;
}

/** Runs browser mode until SIGINT/SIGTERM. Also the fallback of `kubelab desktop`. */
export async function serveUntilStopped(port: number): Promise<number> {
  // A long-running server: a stray rejection or exception somewhere below is logged with its
  // stack, never the end of every learner's session.
  process.on('unhandledRejection', (reason) =>
    console.error('kubelab serve: unhandled rejection (kept serving):', reason),
  );
  process.on('uncaughtException', (error) =>
    console.error('kubelab serve: uncaught exception (kept serving):', error),
  );
  const rendererDir = ensureRendererBuilt((line) => console.error(line));
  const app = createApp();
  const server = await startServer({ port, rendererDir, dispatch: app.dispatch, bus: app.bus });
  console.log(`kubelab is serving on loopback only. Open this URL (it carries the access token):`);
  console.log(`  ${bold(server.url)}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  app.close();
  return 0;
}

/**
 * `--scenarios-dir DIR` (that folder is the catalogue) and `--watch` (authoring mode) for this
 * process and the app it starts; refuses a folder that is not a folder of scenarios.
 */
export async function applyCatalogFlags(values: {
  'scenarios-dir'?: string | undefined;
  watch?: boolean | undefined;
}): Promise<void> {
  const dir = values['scenarios-dir'];
  const root = dir === undefined ? null : await scenariosRoot(dir);
  serveCatalog(typeof root === 'string' ? root : null, values.watch === true);
  if (values.watch) {
    const where = typeof root === 'string' ? root : 'the built-in and installed scenarios';
    console.log(`Authoring mode: watching ${where}; edits show in the open page at once.`);
  }
}

export const run: VerbRun<typeof serveFlags> = async ({ values }) => {
  await applyCatalogFlags(values);
  return serveUntilStopped(parsePort(values.port));
};
