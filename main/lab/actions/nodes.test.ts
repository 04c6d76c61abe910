// What the nodes action does for each kind of start: the plan, without an engine.
import { describe, expect, it } from 'vitest';
import { labConfig } from '../config.ts';
import type { FoundNode } from '../discover.ts';
import type { NodeStep } from './nodes.ts';
import { planNodes } from './nodes.ts';

const found = (...names: string[]): Map<string, FoundNode> =>
  new Map(
    names.map((name) => [
      name,
      {
        name,
        id: `id-${name}`,
        container: `kubelab-t-${name}`,
        running: false,
        state: 'exited',
        image: 'node',
      },
    ]),
  );

/** A plan in short: `step message? [nodes]`. */
const outline = (steps: NodeStep[]): string[] =>
  steps.map((s) => {
    const nodes = 'nodes' in s ? s.nodes.map((n) => n.name) : [s.node.name];
    const extra =
      (s.step === 'remove' && s.deleteNodeObject ? ' +Node' : '') +
      (s.step === 'start' && s.created ? ' +created' : '');
    const message = 'message' in s && s.message !== undefined ? ` "${s.message}"` : '';
    return `${s.step}${extra}${message} [${nodes.join(', ')}]`;
  });

const three = labConfig('t', 3).nodes;

describe('planNodes', () => {
  it('cold, new lab: creates every node one by one, then starts them together', () => {
    expect(outline(planNodes('cold', three, found()))).toEqual([
      'create "creating 3 node container(s)" [control-plane, worker1, worker2]',
      'start +created [control-plane, worker1, worker2]',
    ]);
  });

  it('cold, unfinished lab: removes every container found first, Node objects untouched', () => {
    expect(outline(planNodes('cold', three, found('control-plane', 'worker1')))).toEqual([
      'remove [control-plane]',
      'remove [worker1]',
      'create "creating 3 node container(s)" [control-plane, worker1, worker2]',
      'start +created [control-plane, worker1, worker2]',
    ]);
  });

  it('warm: only starts the containers there are', () => {
    expect(outline(planNodes('warm', three, found('control-plane', 'worker1', 'worker2')))).toEqual(
      ['start "starting control-plane, worker1, worker2" [control-plane, worker1, worker2]'],
    );
  });

  it('repair: recreates a missing worker, joins it, and reroutes the others to it', () => {
    expect(outline(planNodes('repair', three, found('control-plane', 'worker2')))).toEqual([
      'start "starting control-plane, worker2" [control-plane, worker2]',
      'create "recreating worker1" [worker1]',
      'start +created [worker1]',
      'join [worker1]',
      'reroute [control-plane, worker2]',
    ]);
  });

  it('repair: recreates missing workers one at a time before joining them together', () => {
    expect(outline(planNodes('repair', three, found('control-plane')))).toEqual([
      'start "starting control-plane" [control-plane]',
      'create "recreating worker1" [worker1]',
      'start +created [worker1]',
      'create "recreating worker2" [worker2]',
      'start +created [worker2]',
      'join [worker1, worker2]',
      'reroute [control-plane]',
    ]);
  });

  it('repair with a smaller --nodes: extra workers leave the cluster, nothing joins', () => {
    const one = labConfig('t', 1).nodes;
    expect(outline(planNodes('repair', one, found('control-plane', 'worker1', 'worker2')))).toEqual(
      [
        'remove +Node "removing worker1" [worker1]',
        'remove +Node "removing worker2" [worker2]',
        'start "starting control-plane" [control-plane]',
      ],
    );
  });
});
