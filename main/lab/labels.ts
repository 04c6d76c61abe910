// Labels of a lab's Docker objects; clean-up and discovery go by these, never by names.
import { labLabels } from '../engine/labels.ts';
import type { LabConfig, NodeSpec } from './config.ts';

export const NODE_NAME_LABEL = 'io.kubelab.node';
export const NODE_ROLE_LABEL = 'io.kubelab.node-role';

export function nodeLabels(config: LabConfig, node: NodeSpec): Record<string, string> {
  return {
    ...labLabels('node', config.name),
    [NODE_NAME_LABEL]: node.name,
    [NODE_ROLE_LABEL]: node.role,
  };
}
