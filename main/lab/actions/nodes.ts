// nodes: the lab's node containers — created, started, or removed — each configured for the
// lab's pod network (CNI config, resolv.conf for pods, routes) once it runs.
import type Docker from 'dockerode';
import { LabError } from '../../api/errors.ts';
import { kubectl } from '../cluster.ts';
import { StartReads, waitForApiServer } from '../start-reads.ts';
import type { LabConfig, NodeSpec } from '../config.ts';
import type { FoundNode } from '../discover.ts';
import { createNode, varVolumeName } from '../node-container.ts';
import { configureNodeNetwork, waitForContainerd } from '../node-setup.ts';
import { writeRegistryMirrors } from '../registry-mirrors.ts';
import { writeDockerIoEntry } from '../pull-through.ts';
import { startUnpackAhead } from '../unpack-ahead.ts';
import type { Action, ActionContext, StartKind, UpContext } from './action.ts';
import { joinWorker } from './join.ts';

async function removeNodeContainer(client: Docker, found: FoundNode): Promise<void> {
  await client.getContainer(found.id).remove({ force: true, v: false });
  await client
    .getVolume(varVolumeName(found.container))
    .remove()
    .catch(() => undefined);
}

function create(ctx: UpContext, node: NodeSpec): Promise<Docker.Container> {
  return createNode(ctx.client, ctx.config, node, {
    ...ctx.nodeOptions,
    ...(node.role === 'control-plane' ? { apiPort: ctx.state.apiPort } : {}),
  });
}

function startNodes(
  client: Docker,
  config: LabConfig,
  nodes: NodeSpec[],
  pullThrough: Promise<boolean>,
  created: boolean,
  onRestart: (name: string, at: number) => void,
): Promise<void[]> {
  return Promise.all(
    nodes.map(async (node) => {
      // Taken before the start: the restarted kubelet's first report cannot come earlier.
      const startedAt = Date.now();
      let restarted = !created;
      try {
        await client.getContainer(node.container).start();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/port is already allocated|address already in use/i.test(message)) {
          throw new LabError(
            'PORT_IN_USE',
            `The API server's host port of lab "${config.name}" is taken by another program.`,
            {
              fix: `Free that port, or recreate the lab on a new port: kubelab down --lab ${config.name} --purge --yes && kubelab up --lab ${config.name}`,
            },
          );
        }
        // A node left paused (a suspend, then a repair or a changed --nodes) is thawed instead.
        if (/paused/i.test(message)) await client.getContainer(node.container).unpause();
        else if (!/already started|304/i.test(message)) throw error;
        // Thawed or running all along, its kubelet did not restart: no fresh report to wait for.
        restarted = false;
      }
      if (restarted) onRestart(node.name, startedAt);
      await waitForContainerd(client, node);
      if (created) await startUnpackAhead(client, node);
      await configureNodeNetwork(client, config, node);
      await writeRegistryMirrors(client, node.container);
      // The registry starts beside the nodes: its pull-through decision is needed only here.
      await writeDockerIoEntry(client, node.container, await pullThrough);
    }),
  );
}

/** One step of the nodes action, in the order planNodes gives them. */
export type NodeStep =
  /** Remove a container and its /var volume (and, if it was in the cluster, its Node object). */
  | { step: 'remove'; node: FoundNode; deleteNodeObject: boolean; message?: string }
  /** Create these containers, one after another. */
  | { step: 'create'; nodes: NodeSpec[]; message: string }
  /**
   * Start these containers together, and configure each node's network once it runs; `created`:
   * they were just created, so their images are still packed (unpack-ahead.ts).
   */
  | { step: 'start'; nodes: NodeSpec[]; created: boolean; message?: string }
  /** Join these (recreated) workers to the running cluster once its API server answers. */
  | { step: 'join'; nodes: NodeSpec[] }
  /** Rewrite these nodes' routes (to a recreated node's pod subnet). */
  | { step: 'reroute'; nodes: NodeSpec[] };

/**
 * Which node containers go, which are created, started or joined, for a start of this kind
 * with the lab's wanted nodes and the containers found. Progress messages are part of the plan.
 */
export function planNodes(
  kind: StartKind,
  wanted: readonly NodeSpec[],
  found: ReadonlyMap<string, FoundNode>,
): NodeStep[] {
  if (kind === 'cold') {
    return [
      // An unfinished or half-deleted lab starts over: its node containers go, data stays.
      ...[...found.values()].map((node): NodeStep => ({
        step: 'remove',
        node,
        deleteNodeObject: false,
      })),
      {
        step: 'create',
        nodes: [...wanted],
        message: `creating ${wanted.length} node container(s)`,
      },
      { step: 'start', nodes: [...wanted], created: true },
    ];
  }
  const steps: NodeStep[] = [];
  // Extra workers (a smaller --nodes) leave the cluster; missing ones are created and join.
  for (const [name, node] of found) {
    if (!wanted.some((spec) => spec.name === name)) {
      steps.push({ step: 'remove', node, deleteNodeObject: true, message: `removing ${name}` });
    }
  }
  const existing = wanted.filter((node) => found.has(node.name));
  const missing = wanted.filter((node) => !found.has(node.name));
  steps.push({
    step: 'start',
    nodes: existing,
    created: false,
    message: `starting ${existing.map((n) => n.name).join(', ')}`,
  });
  for (const node of missing) {
    steps.push(
      { step: 'create', nodes: [node], message: `recreating ${node.name}` },
      { step: 'start', nodes: [node], created: true },
    );
  }
  if (missing.length) {
    steps.push(
      { step: 'join', nodes: missing },
      // Other nodes route to a recreated node's pod subnet again.
      { step: 'reroute', nodes: existing },
    );
  }
  return steps;
}

async function runStep(ctx: ActionContext, step: NodeStep): Promise<void> {
  const { client, config, report } = ctx;
  switch (step.step) {
    case 'remove':
      if (step.message !== undefined) report(step.message);
      if (step.deleteNodeObject) {
        await kubectl(client, config, ['delete', 'node', step.node.name, '--ignore-not-found']);
      }
      await removeNodeContainer(client, step.node);
      return;
    case 'create':
      report(step.message);
      for (const node of step.nodes) await create(ctx, node);
      return;
    case 'start':
      if (step.message !== undefined) report(step.message);
      await startNodes(
        client,
        config,
        step.nodes,
        ctx.background.pullThrough,
        step.created,
        (name, at) => (ctx.background.restarted[name] = at),
      );
      return;
    case 'join':
      // The control plane was started a moment ago in this same action.
      await waitForApiServer(new StartReads(client, config));
      await Promise.all(
        step.nodes.map((node) => joinWorker(client, config, node, ctx.state.token)),
      );
      return;
    case 'reroute':
      for (const node of step.nodes) await configureNodeNetwork(client, config, node);
      return;
  }
}

/** Shared by every kind of start: planNodes decides what a cold, warm or repair start does. */
export const nodesAction: Action = {
  name: 'nodes',
  weight: 4,
  run: async (ctx) => {
    for (const step of planNodes(ctx.kind, ctx.config.nodes, ctx.found)) await runStep(ctx, step);
  },
};
