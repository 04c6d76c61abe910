// The tabs of the lab pane next to a scenario: the fixed views and one closable tab per pod
// terminal the learner opened from Topology (opening the same one again selects it).
import type { PodTerminal } from '../../../main/api/schemas/terminal.ts';

export type FixedTab = 'terminals' | 'topology' | 'files' | 'preview';
export const FIXED_TABS: ReadonlyArray<{ id: FixedTab; label: string }> = [
  { id: 'terminals', label: 'Terminals' },
  { id: 'topology', label: 'Topology' },
  { id: 'files', label: 'Files' },
  { id: 'preview', label: 'Preview' },
];

export interface PodTab {
  id: string;
  label: string;
  pod: PodTerminal;
}

export function podTabId(pod: PodTerminal): string {
  return `pod:${pod.action}:${pod.namespace}/${pod.name}`;
}

export function podTabLabel(pod: PodTerminal): string {
  const verb = pod.action === 'shell' ? 'sh' : pod.action;
  return `${verb} ${pod.name}`;
}

/** The list with the pod's tab added (at the end) unless it is there already. */
export function withPodTab(tabs: PodTab[], pod: PodTerminal): PodTab[] {
  const id = podTabId(pod);
  return tabs.some((t) => t.id === id) ? tabs : [...tabs, { id, label: podTabLabel(pod), pod }];
}

/** Arrow keys move along the tab list, wrapping; Home/End jump to the ends (WAI-ARIA tabs). */
export function nextTabIndex(key: string, at: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
