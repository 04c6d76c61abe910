// The previews that are open: one listener per (lab, namespace, service, port), reused when the
// learner opens the same Service again, all closed when the app quits.
import type Docker from 'dockerode';
import { controlPlane } from '../lab/config.ts';
import { existingLabConfig } from '../lab/state.ts';
import { ExecStream } from './exec-stream.ts';
import { startPreviewServer } from './preview-server.ts';
import type { PreviewServer } from './preview-server.ts';
import { previewTarget } from './target.ts';

export interface PreviewRequest {
  lab: string;
  namespace: string;
  service: string;
  port: number;
}

export class PreviewManager {
  readonly #engine: () => Promise<Docker>;
  readonly #access: 'secret' | 'loopback';
  readonly #open = new Map<string, Promise<PreviewServer & { target: string }>>();

  /** `access`: see PreviewServerOptions (the app's panes use a secret; the CLI does not). */
  constructor(engine: () => Promise<Docker>, access: 'secret' | 'loopback' = 'secret') {
    this.#engine = engine;
    this.#access = access;
  }

  async open(request: PreviewRequest): Promise<{ url: string; target: string }> {
    const key = `${request.lab}/${request.namespace}/${request.service}:${request.port}`;
    // The ClusterIP can change (Service deleted and made again): resolve it on every open.
    const client = await this.#engine();
    const config = await existingLabConfig(request.lab);
    const target = await previewTarget(
      client,
      config,
      request.namespace,
      request.service,
      request.port,
    );
    const existing = this.#open.get(key);
    const running = existing ? await existing.catch(() => null) : null;
    if (running?.target === `${target.host}:${target.port}`) {
      return { url: running.url, target: target.label };
    }
    this.#open.delete(key);
    await running?.close();
    const node = controlPlane(config).container;
    const starting = startPreviewServer({
      label: target.label,
      access: this.#access,
      connect: () => new ExecStream(client, node, target.host, target.port),
    }).then((server) => ({ ...server, target: `${target.host}:${target.port}` }));
    this.#open.set(key, starting);
    const server = await starting;
    return { url: server.url, target: target.label };
  }

  async closeAll(): Promise<void> {
    const servers = [...this.#open.values()];
    this.#open.clear();
    await Promise.all(servers.map(async (server) => (await server).close()));
  }
}
