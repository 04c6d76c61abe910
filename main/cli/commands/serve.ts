import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { createApp } from '../../app.ts';
import { ensureRendererBuilt } from '../../renderer-build.ts';
import { startServer } from '../../server/http-server.ts';
import { LabError } from '../../api/errors.ts';
import { bold } from '../output.ts';

export const DEFAULT_PORT = 7420;

export function parsePort(text: string | undefined): number {
  const port = Number(text ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LabError('BAD_ARGUMENT', `--port must be a number from 0 to 65535, not "${text}".`);
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
  return 0;
}

export const serve: CliCommand = {
  name: 'serve',
  summary: 'run the UI in a browser (127.0.0.1 only, token in the URL)',
  usage: 'serve [--port N]',
  run: async (args) => {
    const { values } = parseArgs({ args, options: { port: { type: 'string' } } });
    return serveUntilStopped(parsePort(values.port));
  },
};
