import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { labEntries, spliceKubeconfig } from './kubeconfig-merge.ts';

// As kubectl and kind write it (sequences not indented), with a comment a human added.
const KUBECTL_STYLE = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: QUJD
    server: https://127.0.0.1:41000
  name: kind-kind
# the team's staging cluster
- cluster:
    server: https://staging.example:6443
  name: staging
contexts:
- context:
    cluster: kind-kind
    user: kind-kind
  name: kind-kind
- context: {cluster: staging, user: me, namespace: "team-a"}
  name: staging
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
- name: me
  user:
    token: 'abc'
`;

const LAB_KUBECONFIG = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: TEFC
    server: https://127.0.0.1:38345
  name: kubelab-x
contexts: []
users:
- name: kubernetes-admin
  user:
    client-certificate-data: TEFCQ0VSVA==
    client-key-data: TEFCS0VZ
`;

const entries = labEntries('kubelab-demo', LAB_KUBECONFIG);

/** Every line of `original` is still in `merged`, in order (the lab's lines may sit between). */
function keepsEveryLine(original: string, merged: string): boolean {
  const lines = merged.split('\n');
  let at = 0;
  for (const line of original.split('\n')) {
    if (line.startsWith('current-context:')) continue;
    const found = lines.indexOf(line, at);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

describe('kubeconfig merge', () => {
  it('adds kubelab-<lab> cluster, user and context and switches to it, every other byte kept', () => {
    const merged = spliceKubeconfig(KUBECTL_STYLE, 'kubelab-demo', entries);
    expect(keepsEveryLine(KUBECTL_STYLE, merged)).toBe(true);
    const config = parse(merged) as Record<string, { name: string }[]> & {
      'current-context': string;
    };
    expect(config['current-context']).toBe('kubelab-demo');
    expect(config.clusters!.map((c) => c.name)).toEqual(['kind-kind', 'staging', 'kubelab-demo']);
    expect(config.contexts!.find((c) => c.name === 'kubelab-demo')).toEqual({
      context: { cluster: 'kubelab-demo', user: 'kubelab-demo' },
      name: 'kubelab-demo',
    });
    expect(config.users!.find((u) => u.name === 'kubelab-demo')).toEqual({
      name: 'kubelab-demo',
      user: { 'client-certificate-data': 'TEFCQ0VSVA==', 'client-key-data': 'TEFCS0VZ' },
    });
  });

  it('replaces its own entries in place on a second merge, and removes them again exactly', () => {
    const once = spliceKubeconfig(KUBECTL_STYLE, 'kubelab-demo', entries);
    const moved = labEntries('kubelab-demo', LAB_KUBECONFIG.replace('38345', '39999'));
    const twice = spliceKubeconfig(once, 'kubelab-demo', moved);
    expect(twice).toBe(once.replace('38345', '39999'));
    const removed = spliceKubeconfig(twice, 'kubelab-demo', null);
    expect(removed).toBe(
      KUBECTL_STYLE.replace('current-context: kind-kind', 'current-context: ""'),
    );
  });

  it('leaves current-context alone on removal when it points elsewhere', () => {
    const merged = spliceKubeconfig(KUBECTL_STYLE, 'kubelab-demo', entries);
    const switched = merged.replace('current-context: kubelab-demo', 'current-context: staging');
    expect(spliceKubeconfig(switched, 'kubelab-demo', null)).toBe(
      KUBECTL_STYLE.replace('current-context: kind-kind', 'current-context: staging'),
    );
  });

  it('follows an indented sequence style', () => {
    const indented = `apiVersion: v1
kind: Config
clusters:
  - name: other
    cluster:
      server: https://other:6443
contexts:
  - name: other
    context: {cluster: other, user: other}
users:
  - name: other
    user: {token: t}
current-context: other
`;
    const merged = spliceKubeconfig(indented, 'kubelab-demo', entries);
    expect(keepsEveryLine(indented, merged)).toBe(true);
    expect(merged).toContain('\n  - cluster:\n');
    expect(spliceKubeconfig(merged, 'kubelab-demo', null)).toBe(
      indented.replace('current-context: other', 'current-context: ""'),
    );
  });

  it('starts a missing or empty file, and fills null and [] lists', () => {
    for (const start of [
      '',
      'apiVersion: v1\nclusters: null\ncontexts: []\nusers:\nkind: Config\n',
    ]) {
      const merged = spliceKubeconfig(start, 'kubelab-demo', entries);
      const config = parse(merged) as Record<string, unknown[]>;
      for (const section of ['clusters', 'contexts', 'users'])
        expect(config[section]).toHaveLength(1);
      expect((parse(merged) as Record<string, unknown>)['current-context']).toBe('kubelab-demo');
    }
  });

  it('refuses a file it cannot edit without touching other entries, and invalid YAML', () => {
    expect(() =>
      spliceKubeconfig('clusters: [{name: a, cluster: {server: s}}]\n', 'kubelab-demo', entries),
    ).toThrow(/not a block list/);
    expect(() => spliceKubeconfig('clusters: [\n', 'kubelab-demo', entries)).toThrow(
      /not valid YAML/,
    );
  });
});
