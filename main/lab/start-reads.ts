// The reads a start polls (is the API server ready, which nodes are Ready, is an add-on
// available): over the host's HTTPS client where the lab's kubeconfig already exists (every start
// after the first), else kubectl in the control-plane node. A start runs on cores the booting
// control plane needs; each `docker exec kubectl` poll costs 100–200 ms of them, a GET a few ms.
import type Docker from 'dockerode';
import { kubectl, kubectlJson, waitFor } from './cluster.ts';
import type { LabConfig } from './config.ts';
import { ApiUnreachableError, kubeApiFor } from './kube-api.ts';

/**
 * While the host has never reached the API server, one poll in this many also asks kubectl: on
 * an engine whose published ports this machine cannot reach, kubectl is the only way in, but
 * during the seconds the API server is down every kubectl poll is wasted work.
 */
const KUBECTL_EVERY = 4;

export class StartReads {
  readonly #client: Docker;
  readonly #config: LabConfig;
  #hostAnswered = false;
  #polls = 0;

  constructor(client: Docker, config: LabConfig) {
    this.#client = client;
    this.#config = config;
  }

  /** The API server's /readyz says ok. */
  async apiReady(): Promise<boolean> {
    const api = await kubeApiFor(this.#config);
    if (api) {
      try {
        const response = await api.get('/readyz', 3_000);
        this.#hostAnswered = true;
        return response.status === 200;
      } catch (error) {
        if (!(error instanceof ApiUnreachableError)) throw error;
        if (this.#hostAnswered || ++this.#polls % KUBECTL_EVERY !== 0) return false;
      }
    }
    return (await kubectl(this.#client, this.#config, ['get', '--raw=/readyz'])).exitCode === 0;
  }

  /**
   * One object or list by its API path, as JSON; the same through `kubectl get ARGS -o json`
   * where the host has no way in. Throws (so a wait polls again) while the API does not answer.
   */
  async json<T>(path: string, kubectlArgs: string[]): Promise<T> {
    const api = await kubeApiFor(this.#config);
    if (api) {
      try {
        const response = await api.get(path, 5_000);
        this.#hostAnswered = true;
        if (response.status !== 200)
          throw new Error(`GET ${path}: the API server answered HTTP ${response.status}`);
        return response.body as T;
      } catch (error) {
        if (!(error instanceof ApiUnreachableError) || this.#hostAnswered) throw error;
      }
    }
    return kubectlJson<T>(this.#client, this.#config, kubectlArgs);
  }
}

/** Until the API server says ready (120 s). A GET from the host is cheap: polled every 250 ms. */
export function waitForApiServer(reads: StartReads): Promise<void> {
  return waitFor('the API server', 120_000, () => reads.apiReady(), { intervalMs: 250 });
}
