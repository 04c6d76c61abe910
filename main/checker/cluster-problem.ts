// A lab that cannot answer is not a wrong answer: these say so, with the fix. diagnoseLab() looks
// at the lab before a step is checked; ClusterProblemError carries a problem found midway.
import type Docker from 'dockerode';
import { ApiUnreachableError, kubeApiFor } from '../lab/kube-api.ts';
import { kubectl, readyNodeNames } from '../lab/cluster.ts';
import type { NodeList } from '../lab/cluster.ts';
import type { LabConfig } from '../lab/config.ts';
import { findNodes } from '../lab/discover.ts';
import { readLab } from '../lab/state.ts';
import type { ClusterProblem } from './result.ts';

export class ClusterProblemError extends Error {
  readonly problem: ClusterProblem;

  constructor(problem: ClusterProblem) {
    super(problem.message);
    this.name = 'ClusterProblemError';
    this.problem = problem;
  }
}

/**
 * kubectl's own words for "the API server (or a node's kubelet) did not answer", as opposed to
 * "no such object". Anchored at line starts: a command run through `kubectl exec` may print
 * "connection refused" itself, and that is the learner's answer, not a broken lab.
 */
const UNREACHABLE = [
  /^The connection to the server .* was refused/m,
  /^Unable to connect to the server/m,
  /^Error from server \((ServiceUnavailable|Timeout)\)/m,
  /^Error from server: etcdserver: /m,
  /^error: Internal error occurred: error sending request: .*dial tcp/m,
  /^error: unable to upgrade connection: .*(dial tcp|connection refused)/m,
];

export function isUnreachable(stderr: string): boolean {
  return UNREACHABLE.some((pattern) => pattern.test(stderr));
}

export function upFix(lab: string, nodes?: number): string {
  return `Run \`kubelab up --lab ${lab}${nodes === undefined ? '' : ` --nodes ${nodes}`}\` (it starts or repairs the lab), then check again.`;
}

export function apiUnreachable(lab: string, detail: string): ClusterProblem {
  return {
    message: `The API server of lab "${lab}" does not answer: ${detail.trim().split('\n')[0] ?? ''}`,
    fix: upFix(lab),
  };
}

/** The lab's configuration, or the problem that keeps it from being checked. */
export async function labForChecks(
  lab: string,
): Promise<{ config: LabConfig } | { problem: ClusterProblem }> {
  const opened = await readLab(lab);
  if (!opened) {
    return { problem: { message: `There is no lab "${lab}".`, fix: upFix(lab) } };
  }
  if (!opened.state.bootstrapped) {
    return {
      problem: { message: `Lab "${lab}" has not finished starting.`, fix: upFix(lab) },
    };
  }
  return { config: opened.config };
}

/**
 * What keeps the lab from answering a scenario that needs `nodesNeeded` nodes: too few nodes, a
 * node container that is not running, an API server that does not answer, a node NotReady.
 */
/** The Node list, straight from the API server (else kubectl in the node); a string says why not. */
async function listNodes(client: Docker, config: LabConfig): Promise<NodeList | string> {
  const api = await kubeApiFor(config);
  if (api) {
    try {
      const response = await api.get('/api/v1/nodes', 10_000);
      return response.status === 200
        ? (response.body as NodeList)
        : `the API server answered HTTP ${response.status}`;
    } catch (error) {
      // Not over HTTPS from here (a remote engine's ports, or the lab is down): kubectl decides.
      if (!(error instanceof ApiUnreachableError)) throw error;
    }
  }
  const listed = await kubectl(client, config, ['get', 'nodes', '-o', 'json']);
  if (listed.exitCode !== 0) return listed.stderr || listed.stdout;
  return JSON.parse(listed.stdout) as NodeList;
}

export async function diagnoseLab(
  client: Docker,
  lab: string,
  nodesNeeded: number,
): Promise<ClusterProblem | null> {
  const opened = await labForChecks(lab);
  if ('problem' in opened) return opened.problem;
  const { config } = opened;
  if (config.nodeCount < nodesNeeded) {
    return {
      message: `This scenario needs ${nodesNeeded} nodes; lab "${lab}" has ${config.nodeCount}.`,
      fix: upFix(lab, nodesNeeded),
    };
  }
  const found = await findNodes(client, lab);
  for (const node of config.nodes.slice(0, nodesNeeded)) {
    const container = found.get(node.name);
    if (!container?.running) {
      return {
        message: `Node ${node.name} of lab "${lab}" is ${container ? (container.state === 'paused' ? 'suspended' : container.state) : 'gone'}.`,
        fix: upFix(lab),
      };
    }
  }
  // One call answers both questions: an API server that can list Nodes is serving (a separate
  // /readyz call cost another docker exec on every Check), and the list says which are Ready.
  const nodes = await listNodes(client, config);
  if (typeof nodes === 'string') return apiUnreachable(lab, nodes);
  const ready = readyNodeNames(nodes);
  const notReady = config.nodes.slice(0, nodesNeeded).filter((n) => !ready.includes(n.name));
  if (notReady.length) {
    return {
      message: `Node ${notReady.map((n) => n.name).join(', ')} of lab "${lab}" is NotReady.`,
      fix: `Wait a moment and check again; if it stays NotReady, ${upFix(lab).replace(/^Run/, 'run')}`,
    };
  }
  return null;
}
