// Talking to the lab's Kubernetes: kubectl inside the control-plane node (no host kubectl
// needed), with JSON parsing and waiting helpers.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import type { LabConfig } from './config.ts';
import { controlPlane } from './config.ts';
import { execInContainer, nodeSh } from './node-exec.ts';
import type { ExecResult } from './node-exec.ts';

export const ADMIN_KUBECONFIG = '/etc/kubernetes/admin.conf';

/**
 * No kubectl call may hang forever (an API server that stopped answering, a learner who broke
 * kube-system): long enough for `kubectl wait --timeout=…` and rollouts, short enough that a
 * Check or an `up` fails with a message instead of spinning.
 */
export const KUBECTL_TIMEOUT_MS = 5 * 60_000;

/**
 * Where and how kubelab runs kubectl: in the control-plane node with the admin kubeconfig. The
 * one place that says so; callers differ only in how they run it (timeouts, output caps, errors).
 */
export function controlPlaneKubectl(
  config: LabConfig,
  args: string[],
): { container: string; command: string[] } {
  return {
    container: controlPlane(config).container,
    command: ['kubectl', `--kubeconfig=${ADMIN_KUBECONFIG}`, ...args],
  };
}

export function kubectl(
  client: Docker,
  config: LabConfig,
  args: string[],
  stdin?: string,
): Promise<ExecResult> {
  const { container, command } = controlPlaneKubectl(config, args);
  return execInContainer(client, container, command, {
    timeoutMs: KUBECTL_TIMEOUT_MS,
    ...(stdin === undefined ? {} : { stdin }),
  });
}

export async function kubectlOk(
  client: Docker,
  config: LabConfig,
  args: string[],
  stdin?: string,
): Promise<string> {
  const result = await kubectl(client, config, args, stdin);
  if (result.exitCode !== 0) {
    throw new LabError(
      'KUBECTL_FAILED',
      `kubectl ${args.join(' ')} failed: ${(result.stderr || result.stdout).trim().slice(0, 600)}`,
    );
  }
  return result.stdout;
}

export async function kubectlJson<T>(
  client: Docker,
  config: LabConfig,
  args: string[],
): Promise<T> {
  return JSON.parse(await kubectlOk(client, config, [...args, '-o', 'json'])) as T;
}

export function applyManifest(client: Docker, config: LabConfig, yaml: string): Promise<string> {
  return kubectlOk(client, config, ['apply', '-f', '-'], yaml);
}

export interface WaitOptions {
  /** The fix the timeout error suggests. */
  fix?: string;
  /** Pause between looks (default 500 ms). */
  intervalMs?: number;
  /** Stops the polling between looks (the error is the signal's reason). */
  signal?: AbortSignal;
}

/** Polls `probe` until it returns true; throws with `what` when the deadline passes. */
export async function waitFor(
  what: string,
  timeoutMs: number,
  probe: () => Promise<boolean>,
  { fix, intervalMs = 500, signal }: WaitOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new LabError(
    'TIMEOUT',
    `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}.${lastError ? ` Last error: ${lastError.slice(0, 300)}` : ''}`,
    {
      fix: fix ?? 'Run `kubelab status` to see what is wrong, then `kubelab up` to repair.',
    },
  );
}

/** The API server answers /readyz (after a start, or before kubectl is asked for anything). */
export interface NodeList {
  items: Array<{
    metadata: { name: string };
    spec?: { podCIDR?: string };
    status?: {
      conditions?: Array<{ type: string; status: string; lastHeartbeatTime?: string }>;
    };
  }>;
}

/**
 * Names of the Nodes whose Ready condition is True — and, for a node named in `since` (epoch
 * ms), reported by its kubelet since then (the API's times have whole seconds: a second of slack).
 */
export function readyNodeNames(
  nodes: NodeList,
  since: Readonly<Record<string, number>> = {},
): string[] {
  const fresh = (name: string, heartbeat: string | undefined): boolean => {
    const after = since[name];
    return (
      after === undefined || (heartbeat !== undefined && Date.parse(heartbeat) >= after - 1000)
    );
  };
  return nodes.items
    .filter((node) =>
      node.status?.conditions?.some(
        (c) =>
          c.type === 'Ready' &&
          c.status === 'True' &&
          fresh(node.metadata.name, c.lastHeartbeatTime),
      ),
    )
    .map((node) => node.metadata.name);
}

/** CoreDNS answers for the API server's Service name (asked from the control-plane node). */
export async function dnsAnswers(client: Docker, config: LabConfig): Promise<boolean> {
  const out = await nodeSh(
    client,
    controlPlane(config).container,
    `dig +short +time=1 +tries=1 @${config.dnsServiceIp} kubernetes.default.svc.${config.clusterDomain} || true`,
  );
  return /^10\.96\.0\.1$/m.test(out.trim());
}
