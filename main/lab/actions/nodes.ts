// nodes: the lab's node containers — created, started, or removed — each configured for the
// lab's pod network (CNI config, resolv.conf for pods, routes) once it runs.
import type Docker from 'dockerode';
import { LabError } from '../../api/errors.ts';
import { kubectl, waitForApiServer } from '../cluster.ts';
import type { LabConfig, NodeSpec } from '../config.ts';
import type { FoundNode } from '../discover.ts';
import { createNode, varVolumeName } from '../node-container.ts';
import { configureNodeNetwork, waitForContainerd } from '../node-setup.ts';
import type { Action, UpContext } from './action.ts';
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

function startNodes(client: Docker, config: LabConfig, nodes: NodeSpec[]): Promise<void[]> {
  return Promise.all(
    nodes.map(async (node) => {
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
        if (!/already started|304/i.test(message)) throw error;
      }
      await waitForContainerd(client, node);
      await configureNodeNetwork(client, config, node);
    }),
  );
}

export const coldNodesAction: Action = {
  name: 'nodes',
  weight: 4,
  run: async (ctx) => {
    const { client, config, found, report } = ctx;
    // An unfinished or half-deleted lab starts over: its node containers go, data stays.
    for (const stale of found.values()) await removeNodeContainer(client, stale);
    report(`creating ${config.nodes.length} node container(s)`);
    for (const node of config.nodes) await create(ctx, node);
    await startNodes(client, config, config.nodes);
  },
};

export const warmNodesAction: Action = {
  name: 'nodes',
  weight: 4,
  run: async (ctx) => {
    const { client, config, found, state, report } = ctx;
    // Extra workers (a smaller --nodes) leave the cluster; missing ones are created and join.
    for (const [name, node] of found) {
      if (!config.nodes.some((spec) => spec.name === name)) {
        report(`removing ${name}`);
        await kubectl(client, config, ['delete', 'node', name, '--ignore-not-found']);
        await removeNodeContainer(client, node);
      }
    }
    const existing = config.nodes.filter((node) => found.has(node.name));
    report(`starting ${existing.map((n) => n.name).join(', ')}`);
    await startNodes(client, config, existing);
    const missing = config.nodes.filter((node) => !found.has(node.name));
    for (const node of missing) {
      report(`recreating ${node.name}`);
      await create(ctx, node);
      await startNodes(client, config, [node]);
    }
    if (missing.length) {
      await waitForApiServer(client, config);
      await Promise.all(missing.map((node) => joinWorker(client, config, node, state.token)));
    }
    // Other nodes route to a recreated node's pod subnet again.
    if (missing.length)
      for (const node of existing) await configureNodeNetwork(client, config, node);
  },
};
