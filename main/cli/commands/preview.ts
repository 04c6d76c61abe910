import type { VerbRun } from '../command.ts';
import { LabError } from '../../api/errors.ts';
import { requireEngine } from '../../engine/docker.ts';
import { kubectl } from '../../lab/cluster.ts';
import { existingLabConfig } from '../../lab/state.ts';
import { PreviewManager } from '../../preview/preview-manager.ts';
import { dim } from '../output.ts';
import type { previewFlags } from '../verbs/preview.ts';
import { labName } from './lab-args.ts';
import { UsageError } from '../usage-error.ts';

/** `web` or `web:8080` → the name and the port (null: the Service's first TCP port). */
export function serviceAndPort(arg: string): { service: string; port: number | null } {
  const match = /^([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)(?::(\d{1,5}))?$/.exec(arg);
  const port = match?.[2] === undefined ? null : Number(match[2]);
  if (!match || (port !== null && (port < 1 || port > 65535)))
    throw new UsageError(`"${arg}" is not SERVICE or SERVICE:PORT (e.g. web or web:8080)`);
  return { service: match[1]!, port };
}

export const run: VerbRun<typeof previewFlags> = async ({ values, positionals }) => {
  const lab = labName(values.lab);
  const { service, port: asked } = serviceAndPort(positionals[0]!);
  const client = await requireEngine();
  const config = await existingLabConfig(lab);
  let port = asked;
  if (port === null) {
    const ports = await kubectl(client, config, [
      'get',
      'service',
      service,
      '-n',
      values.namespace,
      '-o',
      'jsonpath={range .spec.ports[?(@.protocol=="TCP")]}{.port} {end}',
    ]);
    port = Number(ports.stdout.trim().split(' ')[0]) || null;
    if (port === null)
      throw new LabError(
        'NO_SERVICE',
        `There is no Service "${service}" with a TCP port in namespace "${values.namespace}".`,
        {
          fix: `List them with \`kubelab kubectl --lab ${lab} -- get services -n ${values.namespace}\`.`,
        },
      );
  }
  const previews = new PreviewManager(() => Promise.resolve(client), 'loopback');
  const opened = await previews.open({ lab, namespace: values.namespace, service, port });
  console.log(opened.url);
  console.error(dim(`serving ${opened.target} until Ctrl-C`));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await previews.closeAll();
  return 0;
};
