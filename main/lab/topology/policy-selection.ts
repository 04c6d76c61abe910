// Which NetworkPolicies select a pod: those of its namespace whose podSelector matches its labels
// (matchLabels and matchExpressions, as the API defines them; an empty selector selects all).
// Pure, so the Topology's "policies" badge is exactly what the controller enforces for the pod.
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

export interface PolicyJson {
  metadata: { name: string; namespace?: string };
  spec: { podSelector?: LabelSelector; policyTypes?: string[] };
}

export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expression of selector?.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expression.key);
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In':
        if (!has || !values.includes(labels[expression.key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[expression.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        // the API server refuses other operators; never claim a match we cannot judge
        return false;
    }
  }
  return true;
}

/** Names of the policies that select the pod, sorted. */
export function policiesSelecting(
  pod: { namespace: string; labels: Record<string, string> },
  policies: readonly PolicyJson[],
): string[] {
  return policies
    .filter(
      (policy) =>
        (policy.metadata.namespace ?? 'default') === pod.namespace &&
        selectorMatches(policy.spec.podSelector, pod.labels),
    )
    .map((policy) => policy.metadata.name)
    .sort();
}
