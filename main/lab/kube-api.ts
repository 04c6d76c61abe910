// Reads from a lab's API server straight from the host: HTTPS to the published API port with the
// lab's own kubeconfig (its CA and admin client certificate), one kept-alive connection, no
// process started. A `kubectl get` through `docker exec` costs 100–200 ms on 2 cores; a GET here
// costs a few. Kinds are found through the API server's aggregated discovery, as kubectl does,
// once per lab and process. Reads only, but for one write a start makes of its own (stale
// leader leases): a learner's writes stay with kubectl, whose command they can see and type.
import { Agent, request } from 'node:https';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { LabConfig } from './config.ts';
import { hostKubeconfigPath } from './kubeconfig.ts';

const KubeconfigSchema = z.object({
  clusters: z
    .array(
      z.object({
        cluster: z.object({
          server: z.string(),
          'certificate-authority-data': z.string(),
        }),
      }),
    )
    .min(1),
  users: z
    .array(
      z.object({
        user: z.object({
          'client-certificate-data': z.string(),
          'client-key-data': z.string(),
        }),
      }),
    )
    .min(1),
});

/** The API server did not answer (refused, reset, timed out) — a lab problem, not an answer. */
export class ApiUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiUnreachableError';
  }
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiResource {
  group: string;
  version: string;
  /** The plural in URLs: `pods`, `networkpolicies`. */
  plural: string;
  namespaced: boolean;
}

const DiscoverySchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string().optional() }).optional(),
      versions: z.array(
        z.object({
          version: z.string(),
          resources: z.array(
            z.object({
              resource: z.string(),
              responseKind: z.object({ kind: z.string() }).optional(),
              scope: z.string(),
            }),
          ),
        }),
      ),
    }),
  ),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const AGGREGATED_DISCOVERY =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;q=0.9';

export class KubeApi {
  readonly #server: URL;
  readonly #agent: Agent;
  /** Watches hold their connection for minutes: their own agent, so reads never queue behind them. */
  readonly #streamAgent: Agent;
  #resources: Promise<Map<string, ApiResource>> | null = null;

  constructor(server: string, tls: { ca: Buffer; cert: Buffer; key: Buffer }) {
    this.#server = new URL(server);
    this.#agent = new Agent({ ...tls, keepAlive: true, maxSockets: 8 });
    this.#streamAgent = new Agent({ ...tls, keepAlive: false });
  }

  /**
   * A streaming GET (a watch): calls onLine for every line of the body as it arrives and
   * resolves when the server ends the stream or `signal` aborts; rejects with ApiUnreachableError
   * when the connection fails, or when nothing at all arrives for `idleMs` (watches ask for
   * bookmarks, which the API server sends about once a minute, so a silent minute and more means a
   * dead connection).
   */
  stream(
    path: string,
    onLine: (line: string) => void,
    signal: AbortSignal,
    idleMs = 150_000,
  ): Promise<{ status: number }> {
    const url = new URL(path, this.#server);
    return new Promise((resolve, reject) => {
      if (signal.aborted) return resolve({ status: 0 });
      const req = request(
        url,
        { agent: this.#streamAgent, method: 'GET', headers: { accept: 'application/json' } },
        (res) => {
          let pending = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            pending += chunk;
            let end: number;
            while ((end = pending.indexOf('\n')) >= 0) {
              const line = pending.slice(0, end).trim();
              pending = pending.slice(end + 1);
              if (line) onLine(line);
            }
          });
          res.on('error', (error) => reject(new ApiUnreachableError(error.message)));
          res.on('end', () => {
            if (pending.trim()) onLine(pending.trim());
            resolve({ status: res.statusCode ?? 0 });
          });
        },
      );
      const onAbort = (): void => {
        req.destroy();
        resolve({ status: 0 });
      };
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => signal.removeEventListener('abort', onAbort));
      req.setTimeout(idleMs, () =>
        req.destroy(new Error(`the watch from ${this.#server.host} went silent`)),
      );
      req.on('error', (error) => reject(new ApiUnreachableError(error.message)));
      req.end();
    });
  }

  /** GET a path; the body parsed as JSON (null when it is not JSON). */
  get(path: string, timeoutMs = 20_000, accept = 'application/json'): Promise<ApiResponse> {
    return this.#send('GET', path, timeoutMs, accept);
  }

  /**
   * DELETE a path — kubelab's own housekeeping during a start (stale leader leases), never a
   * learner's action: those stay kubectl commands the learner can see and type.
   */
  delete(path: string, timeoutMs = 5_000): Promise<ApiResponse> {
    return this.#send('DELETE', path, timeoutMs, 'application/json');
  }

  #send(
    method: 'GET' | 'DELETE',
    path: string,
    timeoutMs: number,
    accept: string,
  ): Promise<ApiResponse> {
    const url = new URL(path, this.#server);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { agent: this.#agent, method, headers: { accept }, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => reject(new ApiUnreachableError(error.message)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: parseJson(text) });
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`no answer from ${this.#server.host} within ${timeoutMs / 1000} s`)),
      );
      req.on('error', (error) => reject(new ApiUnreachableError(error.message)));
      req.end();
    });
  }

  /** Where a kind lives (`Pod` → core v1 pods, namespaced), or null when the server has no such kind. */
  async resource(kind: string): Promise<ApiResource | null> {
    this.#resources ??= this.#discover().catch((error: unknown) => {
      this.#resources = null; // a failed discovery is tried again next time
      throw error;
    });
    return (await this.#resources).get(kind.toLowerCase()) ?? null;
  }

  /** The URL path of one object or of a collection. */
  async path(kind: string, namespace: string | undefined, name?: string): Promise<string | null> {
    const found = await this.resource(kind);
    if (!found) return null;
    const base = found.group ? `/apis/${found.group}/${found.version}` : `/api/${found.version}`;
    const ns = found.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
    return `${base}${ns}/${found.plural}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
  }

  /** The URL path of every object of a kind, in every namespace (`kubectl get KIND -A`). */
  async collectionPath(kind: string): Promise<string | null> {
    const found = await this.resource(kind);
    if (!found) return null;
    const base = found.group ? `/apis/${found.group}/${found.version}` : `/api/${found.version}`;
    return `${base}/${found.plural}`;
  }

  close(): void {
    this.#agent.destroy();
    this.#streamAgent.destroy();
  }

  async #discover(): Promise<Map<string, ApiResource>> {
    const byKind = new Map<string, ApiResource>();
    for (const root of ['/api', '/apis']) {
      const response = await this.get(root, 20_000, AGGREGATED_DISCOVERY);
      const parsed = DiscoverySchema.safeParse(response.body);
      if (response.status !== 200 || !parsed.success) {
        throw new ApiUnreachableError(`discovery at ${root} answered HTTP ${response.status}`);
      }
      for (const group of parsed.data.items) {
        // The first version listed is the preferred one, as kubectl picks it.
        const preferred = group.versions[0];
        if (!preferred) continue;
        for (const resource of preferred.resources) {
          const kind = resource.responseKind?.kind;
          if (!kind || resource.resource.includes('/')) continue;
          const key = kind.toLowerCase();
          if (byKind.has(key)) continue; // core and the earlier group win, as in kubectl
          byKind.set(key, {
            group: group.metadata?.name ?? '',
            version: preferred.version,
            plural: resource.resource,
            namespaced: resource.scope === 'Namespaced',
          });
        }
      }
    }
    return byKind;
  }
}

const clients = new Map<string, { text: string; api: KubeApi }>();

/**
 * The API client of a lab, from its host kubeconfig; null before the lab has one (its first
 * `up` writes it). A kubeconfig that changed (a lab recreated under the same name) gets a new client.
 */
export async function kubeApiFor(config: LabConfig): Promise<KubeApi | null> {
  const file = hostKubeconfigPath(config);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const cached = clients.get(file);
  if (cached?.text === text) return cached.api;
  let yaml: unknown;
  try {
    yaml = parse(text);
  } catch {
    return null; // a kubeconfig that is not YAML: kubectl will say what is wrong with it
  }
  const parsed = KubeconfigSchema.safeParse(yaml);
  if (!parsed.success) return null;
  const cluster = parsed.data.clusters[0]!.cluster;
  const user = parsed.data.users[0]!.user;
  const api = new KubeApi(cluster.server, {
    ca: Buffer.from(cluster['certificate-authority-data'], 'base64'),
    cert: Buffer.from(user['client-certificate-data'], 'base64'),
    key: Buffer.from(user['client-key-data'], 'base64'),
  });
  cached?.api.close();
  clients.set(file, { text, api });
  return api;
}
