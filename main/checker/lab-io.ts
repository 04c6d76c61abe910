// The checker's only ways into a lab, all read-only: object reads over HTTPS straight to the API
// server (lab/kube-api.ts; kubectl in the control-plane node before the lab has a host kubeconfig),
// kubectl in the control-plane node for the rest, a shell
// command on a node (docker exec), a command in a pod's container (kubectl exec). Failures of
// the lab itself become ClusterProblemError; "no such object" is an answer, not an error.
import type Docker from 'dockerode';
import { controlPlaneKubectl } from '../lab/cluster.ts';
import type { LabConfig, NodeSpec } from '../lab/config.ts';
import { execInContainer } from '../lab/node-exec.ts';
import type { ExecResult } from '../lab/node-exec.ts';
import type { PodTarget } from '../scenarios/schema.ts';
import { ClusterProblemError, apiUnreachable, isUnreachable, upFix } from './cluster-problem.ts';
import { isClusterScoped, namespaceArgs, resourceName } from './kinds.ts';
import { ApiUnreachableError, kubeApiFor } from '../lab/kube-api.ts';
import type { ApiResponse, KubeApi } from '../lab/kube-api.ts';
import { LabError } from '../api/errors.ts';

export interface LabContext {
  client: Docker;
  lab: string;
  config: LabConfig;
}

/** An object as kubectl returns it in JSON. */
export type KubeObject = Record<string, unknown>;

const EXEC_TIMEOUT_MS = 60_000;

function nodeSpec(ctx: LabContext, node: string): NodeSpec {
  const spec = ctx.config.nodes.find((candidate) => candidate.name === node);
  if (!spec) {
    throw new ClusterProblemError({
      message: `Lab "${ctx.lab}" has no node ${node}.`,
      fix: upFix(ctx.lab, Math.min(3, Number(node.replace(/\D/g, '') || '0') + 1)),
    });
  }
  return spec;
}

const CHECK_OUTPUT_BYTES = 1024 * 1024;

async function dockerExec(
  ctx: LabContext,
  container: string,
  command: string[],
  options: { stdin?: string; workdir?: string; timeoutMs?: number } = {},
): Promise<ExecResult> {
  const timeoutMs = options.timeoutMs ?? EXEC_TIMEOUT_MS;
  try {
    // A check judges a few lines; a scenario command that floods its output must not hold
    // megabytes in the app (the judge sees the first MiB and the "… truncated" mark).
    return await execInContainer(ctx.client, container, command, {
      ...options,
      timeoutMs,
      maxOutputBytes: CHECK_OUTPUT_BYTES,
    });
  } catch (error) {
    if (error instanceof LabError && error.code === 'EXEC_TIMEOUT') {
      return { exitCode: 124, stdout: '', stderr: `no answer within ${timeoutMs / 1000} s` };
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ClusterProblemError({
      message: `Cannot run commands in ${container}: ${reason.split('\n')[0] ?? reason}`,
      fix: upFix(ctx.lab),
    });
  }
}

/**
 * kubectl in the control-plane node (bounded by `timeoutMs`, default 60 s); an API server that
 * does not answer is a ClusterProblemError.
 */
export async function kube(
  ctx: LabContext,
  args: string[],
  timeoutMs = EXEC_TIMEOUT_MS,
  stdin?: string,
): Promise<ExecResult> {
  const { container, command } = controlPlaneKubectl(ctx.config, args);
  const result = await dockerExec(ctx, container, command, {
    timeoutMs,
    ...(stdin === undefined ? {} : { stdin }),
  });
  if (result.exitCode !== 0 && isUnreachable(result.stderr)) {
    throw new ClusterProblemError(apiUnreachable(ctx.lab, result.stderr));
  }
  return result;
}

/** kubectl's error as one line, without warnings. */
export function kubectlError(result: ExecResult): string {
  const text = (result.stderr || result.stdout).trim();
  const line =
    text
      .split('\n')
      .filter((l) => !/^Warning:|^W\d{4} /.test(l))
      .join(' ') || `kubectl exited with ${result.exitCode}`;
  return line.replace(/^error: /, '');
}

export function isNotFound(result: ExecResult): boolean {
  return result.exitCode !== 0 && /\(NotFound\)|not found/.test(result.stderr);
}

export class KubectlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubectlError';
  }
}

/**
 * The API answer to a read, or null when the server did not answer over HTTPS: then the read
 * goes through kubectl in the node, which also serves an engine whose published ports are not on
 * this machine's loopback (a remote engine), and says what is wrong when the lab is down.
 */
async function apiRead(
  client: KubeApi,
  kind: string,
  namespace: string | undefined,
  name?: string,
  query?: URLSearchParams,
): Promise<ApiResponse | null> {
  try {
    const path = await client.path(kind, isClusterScoped(kind) ? undefined : namespace, name);
    // kubectl's words for a kind the server does not know.
    if (path === null)
      throw new KubectlError(`the server doesn't have a resource type "${resourceName(kind)}"`);
    return await client.get(query?.size ? `${path}?${query}` : path);
  } catch (error) {
    if (error instanceof ApiUnreachableError) return null;
    throw error;
  }
}

/** As kubectl shows objects: without metadata.managedFields (kubectl's --show-managed-fields=false). */
function asKubectlShows(object: KubeObject): KubeObject {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  if (metadata && 'managedFields' in metadata) delete metadata.managedFields;
  return object;
}

function statusMessage(response: ApiResponse): string {
  const message = (response.body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : `the API server answered HTTP ${response.status}`;
}

/** One object, or null when it does not exist. */
export async function getObject(
  ctx: LabContext,
  kind: string,
  name: string,
  namespace?: string,
): Promise<KubeObject | null> {
  const client = await kubeApiFor(ctx.config);
  const response = client ? await apiRead(client, kind, namespace, name) : null;
  if (response) {
    if (response.status === 200) return asKubectlShows(response.body as KubeObject);
    if (response.status === 404) return null;
    throw new KubectlError(statusMessage(response));
  }
  const result = await kube(ctx, [
    '--request-timeout=20s',
    'get',
    kind.toLowerCase(),
    name,
    ...namespaceArgs(kind, namespace),
    '-o',
    'json',
  ]);
  if (result.exitCode === 0) return JSON.parse(result.stdout) as KubeObject;
  if (isNotFound(result)) return null;
  throw new KubectlError(kubectlError(result));
}

/** Every object of a kind matching the selectors. */
export async function listObjects(
  ctx: LabContext,
  kind: string,
  options: { namespace?: string; selector?: string; fieldSelector?: string },
): Promise<KubeObject[]> {
  const client = await kubeApiFor(ctx.config);
  const query = new URLSearchParams();
  if (options.selector) query.set('labelSelector', options.selector);
  if (options.fieldSelector) query.set('fieldSelector', options.fieldSelector);
  const response = client ? await apiRead(client, kind, options.namespace, undefined, query) : null;
  if (response) {
    if (response.status !== 200) throw new KubectlError(statusMessage(response));
    const list = response.body as { kind?: string; apiVersion?: string; items?: KubeObject[] };
    // The API leaves kind and apiVersion off list items; kubectl (and so the judges) has them.
    const itemKind = list.kind?.replace(/List$/, '') ?? kind;
    return (list.items ?? []).map((item) =>
      asKubectlShows({ kind: itemKind, apiVersion: list.apiVersion, ...item }),
    );
  }
  const args = [
    '--request-timeout=20s',
    'get',
    kind.toLowerCase(),
    ...namespaceArgs(kind, options.namespace),
  ];
  if (options.selector) args.push('-l', options.selector);
  if (options.fieldSelector) args.push('--field-selector', options.fieldSelector);
  const result = await kube(ctx, [...args, '-o', 'json']);
  if (result.exitCode !== 0) throw new KubectlError(kubectlError(result));
  return (JSON.parse(result.stdout) as { items?: KubeObject[] }).items ?? [];
}

/** `sh -c SCRIPT` on a node as root, in /home/learner, with positional arguments. */
export function execOnNode(
  ctx: LabContext,
  node: string,
  script: string,
  args: string[] = [],
  timeoutMs = EXEC_TIMEOUT_MS,
): Promise<ExecResult> {
  return dockerExec(ctx, nodeSpec(ctx, node).container, ['sh', '-c', script, 'sh', ...args], {
    workdir: ctx.config.learnerHome,
    timeoutMs,
  });
}

/** `bash -lc COMMAND` on a node, as a learner's terminal would run it (used by solve). */
export function bashOnNode(
  ctx: LabContext,
  node: string,
  command: string,
  timeoutMs: number,
): Promise<ExecResult> {
  return dockerExec(ctx, nodeSpec(ctx, node).container, ['bash', '-lc', command], {
    workdir: ctx.config.learnerHome,
    timeoutMs,
  });
}

/** Writes a file on a node (as root), creating its folder; `mode` (octal) when given. */
export async function writeOnNode(
  ctx: LabContext,
  node: string,
  path: string,
  content: string,
  mode?: string,
): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  const result = await dockerExec(
    ctx,
    nodeSpec(ctx, node).container,
    [
      'sh',
      '-c',
      'mkdir -p "$1" && cat > "$2" && { [ -z "$3" ] || chmod "$3" "$2"; }',
      'sh',
      dir,
      path,
      mode ?? '',
    ],
    { stdin: content },
  );
  if (result.exitCode !== 0) {
    throw new ClusterProblemError({
      message: `Cannot write ${path} on ${node}: ${result.stderr.trim()}`,
      fix: upFix(ctx.lab),
    });
  }
}

/** `kubectl exec` argv for a pod target (the first container unless one is named). */
export function podExecArgs(target: PodTarget, argv: string[]): string[] {
  return [
    'exec',
    '-n',
    target.namespace ?? 'default',
    target.pod,
    ...(target.container ? ['-c', target.container] : []),
    '--',
    ...argv,
  ];
}

/** A command inside a pod's container, through kubectl exec. */
export function execInPod(
  ctx: LabContext,
  target: PodTarget,
  argv: string[],
  timeoutMs = EXEC_TIMEOUT_MS,
): Promise<ExecResult> {
  return kube(ctx, podExecArgs(target, argv), timeoutMs);
}
