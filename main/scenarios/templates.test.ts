import { describe, expect, it } from 'vitest';
import {
  escapeRegExp,
  fillLiveValues,
  scanLiveValues,
  scanTemplates,
  selectorParts,
  substituteTemplates,
} from './templates.ts';

describe('scanTemplates', () => {
  it('finds every kind of placeholder, with namespaces', () => {
    const scan = scanTemplates(
      'curl {{pod:web-0@default.ip}}:{{service:web.nodePort}} {{node:worker1.ip}} {{pod:a.b.node}}',
    );
    expect(scan.errors).toEqual([]);
    expect(scan.refs).toEqual([
      {
        raw: '{{pod:web-0@default.ip}}',
        source: 'pod',
        name: 'web-0',
        namespace: 'default',
        attribute: 'ip',
      },
      { raw: '{{service:web.nodePort}}', source: 'service', name: 'web', attribute: 'nodePort' },
      { raw: '{{node:worker1.ip}}', source: 'node', name: 'worker1', attribute: 'ip' },
      { raw: '{{pod:a.b.node}}', source: 'pod', name: 'a.b', attribute: 'node' },
    ]);
  });

  it('leaves single braces (jsonpath, awk) alone', () => {
    expect(scanTemplates(`kubectl get pods -o jsonpath='{.items[*].status.podIP}'`)).toEqual({
      refs: [],
      errors: [],
    });
  });

  it.each([
    ['{{pods:web.ip}}', 'unknown template source "pods"'],
    ['{{pod:web.clusterIP}}', 'pod has no "clusterIP" (use ip or node or name)'],
    ['{{node:worker1@default.ip}}', 'nodes have no namespace'],
    ['{{pod:web}}', 'is not a template'],
    ['{{pod:web.ip', 'unbalanced'],
    ['{{service:app=web.clusterIP}}', 'only pods can be picked by label'],
  ])('explains what is wrong with %s', (text, message) => {
    expect(scanTemplates(text).errors.join()).toContain(message);
  });
});

describe('substituteTemplates', () => {
  it('replaces placeholders with resolved values', () => {
    const text = substituteTemplates('http://{{pod:web.ip}}:{{service:web.nodePort}}/', (ref) =>
      ref.source === 'pod' ? '10.0.1.5' : '30080',
    );
    expect(text).toBe('http://10.0.1.5:30080/');
  });

  it('escapes values meant for regular expressions', () => {
    expect(new RegExp(`^${escapeRegExp('10.0.1.5')}$`).test('10.0.1.5')).toBe(true);
    expect(new RegExp(`^${escapeRegExp('10.0.1.5')}$`).test('10a0b1c5')).toBe(false);
  });
});

describe('live values in step Markdown', () => {
  it('finds pods by label, node subnets, each once, and leaves Go templates alone', () => {
    const scan = scanLiveValues(
      'curl {{pod:app=web.ip}} {{ pod:app=web.ip }} {{pod:app.kubernetes.io/name=db@shop.ip}}\n' +
        'curl {{pod:app=web[2].ip}}\n' +
        "ip route | grep {{node:worker1.podCidr}}\nkubectl get pods -o go-template='{{.metadata.name}}'",
    );
    expect(scan.errors).toEqual([]);
    expect(scan.refs.map((ref) => [ref.source, ref.name, ref.namespace, ref.attribute])).toEqual([
      ['pod', 'app=web', undefined, 'ip'],
      ['pod', 'app=web', undefined, 'ip'],
      ['pod', 'app.kubernetes.io/name=db', 'shop', 'ip'],
      ['pod', 'app=web[2]', undefined, 'ip'],
      ['node', 'worker1', undefined, 'podCidr'],
    ]);
  });

  it('says what is wrong with a malformed one', () => {
    expect(scanLiveValues('{{pod:web.ipp}}').errors).toEqual([
      '"{{pod:web.ipp}}": pod has no "ipp" (use ip or node or name)',
    ]);
  });

  it('splits a selector from which of its pods', () => {
    expect(selectorParts('app=web[2]')).toEqual({ selector: 'app=web', nth: 2 });
    expect(selectorParts('app=web')).toEqual({ selector: 'app=web', nth: 1 });
  });

  it('fills each placeholder and nothing else', () => {
    expect(fillLiveValues("{{pod:web.ip}} and '{{.status}}'", (raw) => `<${raw.length}>`)).toBe(
      "<14> and '{{.status}}'",
    );
  });
});
