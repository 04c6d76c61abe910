import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { VALID_SCENARIO_YAML } from './fixture.ts';
import type { ScenarioInput } from './schema.ts';
import { CHECK_TYPES, CheckSchema, ScenarioSchema } from './schema.ts';

function scenario(edit: (s: ScenarioInput) => void = () => {}): ScenarioInput {
  const data = parse(VALID_SCENARIO_YAML) as ScenarioInput;
  edit(data);
  return data;
}

function messages(input: unknown): string[] {
  const result = ScenarioSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('CheckSchema', () => {
  it('accepts one example of every check type', () => {
    const examples = [
      { type: 'exists', kind: 'Pod', name: 'web', absent: true },
      { type: 'field', kind: 'Pod', name: 'web', path: '.status.phase', equals: 'Running' },
      { type: 'count', kind: 'Pod', selector: 'app=web', atLeast: 2 },
      { type: 'ready', kind: 'Deployment', name: 'web' },
      { type: 'ordered', selector: 'app=web', names: ['web-0', 'web-1'] },
      { type: 'exec', in: { pod: 'web', container: 'nginx' }, command: 'hostname' },
      {
        type: 'http',
        from: { node: 'worker1' },
        url: 'http://{{pod:web.ip}}/',
        requests: 5,
        distinctAtLeast: 2,
      },
      {
        type: 'dns',
        from: { pod: 'web' },
        name: 'web.default.svc.cluster.local',
        resolvesInCidr: '10.96.0.0/12',
      },
      { type: 'file', node: 'control-plane', path: '/mnt/data/index.html', contains: 'Hello' },
      { type: 'trace', from: 'client', to: 'web:80', dnat: true, endpointOn: 'other-node' },
    ];
    expect(examples.map((check) => check.type).sort()).toEqual([...CHECK_TYPES].sort());
    for (const example of examples) {
      expect(CheckSchema.safeParse(example).error?.issues, example.type).toBeUndefined();
    }
  });

  it('fills in defaults', () => {
    expect(CheckSchema.parse({ type: 'ready', kind: 'Pod', name: 'web' })).toMatchObject({
      timeoutSeconds: 120,
    });
    expect(
      CheckSchema.parse({ type: 'exec', in: { node: 'control-plane' }, command: 'true' }),
    ).toMatchObject({
      exitCode: 0,
    });
    expect(
      CheckSchema.parse({ type: 'http', from: { node: 'control-plane' }, url: 'http://x' }),
    ).toMatchObject({
      status: 200,
      requests: 1,
    });
  });

  it.each([
    [
      { type: 'field', kind: 'Pod', name: 'web', path: '.a' },
      'needs exactly one of equals, matches, oneOf, present',
    ],
    [
      { type: 'field', kind: 'Pod', name: 'web', path: '.a', equals: 1, present: true },
      'needs exactly one of',
    ],
    [
      { type: 'field', kind: 'Pod', name: 'web', path: 'status', equals: 1 },
      'must be a field path',
    ],
    [
      { type: 'field', kind: 'Pod', name: 'web', path: '.a', matches: '(' },
      'not a valid regular expression',
    ],
    [
      {
        type: 'exec',
        in: { node: 'control-plane' },
        command: 'ls',
        stdoutMatches: '^(\\w+\\s?)*$',
      },
      'repeats something that already repeats',
    ],
    [{ type: 'count', kind: 'Pod' }, 'needs exactly one of equals, atLeast'],
    [{ type: 'ready', kind: 'Pod' }, 'needs exactly one of name, selector'],
    [{ type: 'ready', kind: 'Service', name: 'x' }, 'Invalid option'],
    [
      { type: 'http', from: { node: 'control-plane' }, url: 'x', requests: 2, distinctAtLeast: 3 },
      'distinctAtLeast cannot be more than requests',
    ],
    [{ type: 'dns', from: { node: 'control-plane' }, name: 'x' }, 'Unrecognized key'],
    [
      { type: 'dns', from: { pod: 'a' }, name: 'x', resolvesInCidr: '10.0.0.0/33' },
      'must be an IPv4 CIDR',
    ],
    [{ type: 'file', node: 'control-plane', path: 'relative' }, 'must be an absolute path'],
    [
      { type: 'exec', in: { node: 'control-plane' }, command: 'curl {{pod:x.port}}' },
      'pod has no "port"',
    ],
    [{ type: 'exists', kind: 'pod', name: 'web' }, 'must be a Kubernetes kind'],
  ])('refuses %j', (check, message) => {
    const issues = CheckSchema.safeParse(check).error?.issues ?? [];
    const all = issues.flatMap((issue) => [
      issue.message,
      ...('errors' in issue ? issue.errors.flat().map((inner) => inner.message) : []),
    ]);
    expect(all.join(' | ')).toContain(message);
  });
});

describe('ScenarioSchema', () => {
  it('accepts the fixture and fills in step defaults', () => {
    const parsed = ScenarioSchema.parse(scenario());
    expect(parsed.steps[1]).toMatchObject({ files: [], changesState: true });
  });

  it('accepts a scenario without images (no pods) and defaults the list to empty', () => {
    const input = scenario((s) => {
      delete s.images;
    });
    expect(messages(input)).toEqual([]);
    expect(ScenarioSchema.parse(input).images).toEqual([]);
    expect(messages(scenario((s) => (s.images = [])))).toEqual([]);
  });

  it('refuses duplicate step ids', () => {
    const input = scenario((s) => {
      s.steps[1]!.id = 'create-pod';
    });
    expect(messages(input)).toEqual(['steps.1.id: duplicate step id "create-pod" (also steps[0])']);
  });

  it('refuses nodes outside the declared cluster size, wherever they are named', () => {
    const input = scenario((s) => {
      s.steps[0]!.checks.push(
        { type: 'file', node: 'worker1', path: '/x' },
        { type: 'http', from: { node: 'control-plane' }, url: 'http://{{node:worker2.ip}}/' },
      );
      s.steps[0]!.solve.push({ run: 'true', node: 'worker1' });
    });
    expect(messages(input)).toEqual([
      'steps.0.checks.1.node: node "worker1" is not in this 1-node scenario (nodes: control-plane)',
      'steps.0.checks.2.url: {{node:worker2.ip}}: node "worker2" is not in this 1-node scenario (nodes: control-plane)',
      'steps.0.solve.1.node: node "worker1" is not in this 1-node scenario (nodes: control-plane)',
    ]);
  });

  it('refuses a template naming a node that does not exist', () => {
    const input = scenario((s) => {
      s.nodes = 3;
      s.steps[0]!.checks.push({
        type: 'exec',
        in: { node: 'worker2' },
        command: 'ping {{node:worker9.ip}}',
      });
    });
    expect(messages(input)).toEqual([
      'steps.0.checks.1.command: {{node:worker9.ip}}: there is no node "worker9"',
    ]);
  });

  it('refuses two files that would land on the same name in /home/learner', () => {
    const input = scenario((s) => {
      s.steps[1]!.files = ['other/pod.yaml'];
    });
    expect(messages(input)).toEqual([
      'steps.1.files.0: "other/pod.yaml" and "manifests/pod.yaml" would both be written to /home/learner/pod.yaml',
    ]);
  });

  it('refuses paths that leave the scenario folder', () => {
    const input = scenario((s) => {
      s.steps[0]!.text = '../elsewhere.md';
    });
    expect(messages(input)).toEqual(['steps.0.text: must be a path inside the scenario folder']);
  });
});
