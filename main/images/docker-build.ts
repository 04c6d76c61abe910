// `docker build` through dockerode, with "Step N/M" turned into progress and errors into a
// message that names the failing step.
import { LabError } from '../api/errors.ts';
import type Docker from 'dockerode';
import { listFiles } from './hash.ts';
import type { BuildLog } from './build-log.ts';

export interface DockerBuildRequest {
  context: string;
  ref: string;
  extraTags: string[];
  target?: string;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  log: BuildLog;
  onStep: (fraction: number, step: string) => void;
  signal: AbortSignal;
}

interface BuildMessage {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

export async function dockerBuild(client: Docker, request: DockerBuildRequest): Promise<void> {
  const src = await listFiles(request.context, { skipBuildOutputs: false });
  const options: Record<string, unknown> = {
    t: request.ref,
    buildargs: request.buildArgs,
    labels: request.labels,
    rm: true,
    forcerm: true,
    abortSignal: request.signal,
  };
  if (request.target) options.target = request.target;
  const stream = await client.buildImage({ context: request.context, src }, options);
  await new Promise<void>((resolve, reject) => {
    client.modem.followProgress(
      stream,
      (error: Error | null) => (error ? reject(error) : resolve()),
      (message: BuildMessage) => {
        if (message.stream) {
          request.log.write(message.stream);
          const step = /^Step (\d+)\/(\d+) : (.*)/.exec(message.stream.trim());
          if (step) {
            request.log.step = message.stream.trim();
            request.onStep((Number(step[1]) - 1) / Number(step[2]), step[3]!.slice(0, 80));
          }
        }
        if (message.error) {
          request.log.write(`\nERROR: ${message.error}\n`);
          reject(new LabError('IMAGE_BUILD_FAILED', message.errorDetail?.message ?? message.error));
        }
      },
    );
  });
  const image = client.getImage(request.ref);
  for (const tag of request.extraTags) {
    const [repo, version] = tag.split(':') as [string, string];
    await image.tag({ repo, tag: version });
  }
}
