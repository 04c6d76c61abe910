import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { corednsAddonManifest, READINESS_PERIOD_SECONDS } from './coredns.ts';

// The shape `kubeadm init phase addon coredns --print-manifest` prints (v1.34): the Deployment
// first, the ServiceAccount last.
const PRINTED = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
spec:
  template:
    spec:
      serviceAccountName: coredns
      containers:
      - name: coredns
        image: registry.example/coredns:v1.12.1
        readinessProbe:
          httpGet:
            path: /ready
            port: 8181
            scheme: HTTP
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        forward . /etc/resolv.conf
    }
---
apiVersion: v1
kind: Service
metadata:
  name: kube-dns
  namespace: kube-system
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: coredns
  namespace: kube-system
`;

const kinds = (manifest: string): unknown[] =>
  parseAllDocuments(manifest).map((doc) => (doc.toJS() as { kind: string }).kind);

describe('corednsAddonManifest', () => {
  it("drops kubeadm's Corefile and creates the Deployment last, after its ServiceAccount", () => {
    expect(kinds(corednsAddonManifest(PRINTED))).toEqual([
      'Service',
      'ServiceAccount',
      'Deployment',
    ]);
  });

  it('keeps the readiness probe kubeadm wrote, asked every second', () => {
    const [deployment] = parseAllDocuments(corednsAddonManifest(PRINTED))
      .map(
        (doc) =>
          doc.toJS() as {
            kind: string;
            spec: { template: { spec: { containers: { readinessProbe: unknown }[] } } };
          },
      )
      .filter((object) => object.kind === 'Deployment');
    expect(deployment!.spec.template.spec.containers[0]!.readinessProbe).toEqual({
      httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' },
      periodSeconds: READINESS_PERIOD_SECONDS,
    });
  });

  it('says what is wrong when kubeadm printed no Deployment', () => {
    expect(() => corednsAddonManifest('kind: Service\n')).toThrow(/no CoreDNS Deployment/);
  });
});
