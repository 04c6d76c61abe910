import { describe, expect, it } from 'vitest';
import { nextTabIndex, podTabLabel, withPodTab } from './lab-pane-tabs.ts';

describe('lab pane tabs', () => {
  it('adds a pod tab once per action and pod', () => {
    const logs = { namespace: 'default', name: 'httpd-1', action: 'logs' as const };
    const once = withPodTab([], logs);
    expect(once).toEqual([{ id: 'pod:logs:default/httpd-1', label: 'logs httpd-1', pod: logs }]);
    expect(withPodTab(once, { ...logs })).toBe(once);
    expect(withPodTab(once, { ...logs, action: 'shell' })).toHaveLength(2);
    expect(podTabLabel({ ...logs, action: 'shell' })).toBe('sh httpd-1');
  });

  it('moves along the tabs with arrows, wrapping, and Home/End', () => {
    expect(nextTabIndex('ArrowRight', 3, 4)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 4)).toBe(3);
    expect(nextTabIndex('End', 0, 4)).toBe(3);
    expect(nextTabIndex('Home', 2, 4)).toBe(0);
    expect(nextTabIndex('a', 2, 4)).toBeNull();
  });
});
