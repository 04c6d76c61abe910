// The scenario format: what `scenarios/<id>/scenario.yaml` may contain, as zod schemas with the
// TypeScript types the loader, the checker and the UI share. scenarios/README.md explains every
// field in prose; this file is the exact definition.
//
// Free of Node APIs on purpose, so the renderer can import the types and schemas too.
import { z } from 'zod';
import { parseFieldPath } from './field-path.ts';
import { scanTemplates } from './templates.ts';
import { crossReferenceIssues } from './consistency.ts';
import type { NodeName } from './nodes.ts';
import { NODE_NAMES } from './nodes.ts';
import { nestedQuantifier } from './regex-safety.ts';

export { NODE_NAMES };
export type { NodeName };
export const NodeNameSchema = z.enum(NODE_NAMES);

/** Scenario and step ids, and so scenario folder names. */
export const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

const ObjectName = z
  .string()
  .regex(OBJECT_NAME, 'must be a Kubernetes object name (lower-case letters, digits, "-", ".")');
const Namespace = z
  .string()
  .regex(NAMESPACE, 'must be a namespace name (lower-case letters, digits, "-")');
const Kind = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a Kubernetes kind as written in manifests, e.g. Pod');
const Selector = z.string().trim().min(1, 'must be a label selector, e.g. app=web');
const Timeout = z.number().int().positive().max(1800);

/** A string that may hold `{{pod:NAME.ip}}`-style templates. */
const Templated = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    for (const error of scanTemplates(text).errors)
      ctx.addIssue({ code: 'custom', message: error });
  });

/** A JavaScript regular expression (flag `m`), templates allowed (their values are escaped). */
const Pattern = Templated.superRefine((text, ctx) => {
  const probe = text.replace(/\{\{.*?\}\}/g, '0');
  try {
    new RegExp(probe, 'm');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${String(error)}` });
    return;
  }
  const risky = nestedQuantifier(probe);
  if (risky) ctx.addIssue({ code: 'custom', message: risky });
});

const Cidr = z.string().superRefine((text, ctx) => {
  const match = CIDR.exec(text);
  const parts = match ? match.slice(1).map(Number) : [];
  const valid = match !== null && parts.slice(0, 4).every((p) => p <= 255) && parts[4]! <= 32;
  if (!valid) ctx.addIssue({ code: 'custom', message: 'must be an IPv4 CIDR, e.g. 10.0.0.0/16' });
});

const FieldPath = z.string().superRefine((path, ctx) => {
  if (parseFieldPath(path) === null) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a field path like .status.phase, .spec.containers[0].image or .data["a.b"]',
    });
  }
});

const Scalar = z.union([Templated, z.number(), z.boolean()]);

// ---------------------------------------------------------------------------------------------
// Where a command or request runs from.

export const NodeTargetSchema = z.strictObject({ node: NodeNameSchema });
export const PodTargetSchema = z.strictObject({
  pod: ObjectName,
  container: ObjectName.optional(),
  namespace: Namespace.optional(),
});
export const TargetSchema = z.union([NodeTargetSchema, PodTargetSchema], {
  error: 'must be {node: NAME} or {pod: NAME, container?, namespace?}',
});
export type NodeTarget = z.infer<typeof NodeTargetSchema>;
export type PodTarget = z.infer<typeof PodTargetSchema>;
export type Target = z.infer<typeof TargetSchema>;

// ---------------------------------------------------------------------------------------------
// Checks: a discriminated union on `type`. Each also has `description` (what is expected, in
// words, shown to the learner) and `hint` (shown when this check fails).

const common = {
  description: z.string().min(1).optional(),
  hint: z.string().min(1).optional(),
};

function exactlyOne(keys: readonly string[], value: object): boolean {
  return keys.filter((key) => (value as Record<string, unknown>)[key] !== undefined).length === 1;
}

/** An object exists (or, with `absent: true`, does not). */
export const ExistsCheckSchema = z.strictObject({
  type: z.literal('exists'),
  ...common,
  kind: Kind,
  name: ObjectName,
  namespace: Namespace.optional(),
  absent: z.literal(true).optional(),
});

const FIELD_TESTS = ['equals', 'matches', 'oneOf', 'present'] as const;
/** One field of one object: equal to, matching, one of, or simply present (or not). */
export const FieldCheckSchema = z
  .strictObject({
    type: z.literal('field'),
    ...common,
    kind: Kind,
    name: ObjectName,
    namespace: Namespace.optional(),
    path: FieldPath,
    equals: Scalar.optional(),
    matches: Pattern.optional(),
    oneOf: z.array(Scalar).min(1).optional(),
    present: z.boolean().optional(),
  })
  .refine((check) => exactlyOne(FIELD_TESTS, check), {
    message: `needs exactly one of ${FIELD_TESTS.join(', ')}`,
  });

/** How many objects of a kind match the selectors. */
export const CountCheckSchema = z
  .strictObject({
    type: z.literal('count'),
    ...common,
    kind: Kind,
    namespace: Namespace.optional(),
    selector: Selector.optional(),
    fieldSelector: Selector.optional(),
    equals: z.number().int().nonnegative().optional(),
    atLeast: z.number().int().nonnegative().optional(),
  })
  .refine((check) => exactlyOne(['equals', 'atLeast'], check), {
    message: 'needs exactly one of equals, atLeast',
  });

export const READY_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'PersistentVolumeClaim',
  'PersistentVolume',
] as const;
/**
 * Converges: Pod Ready, Deployment available with all replicas, StatefulSet all replicas ready,
 * Job complete, PersistentVolumeClaim/PersistentVolume Bound. By name, or every object matching
 * the selector (at least one).
 */
export const ReadyCheckSchema = z
  .strictObject({
    type: z.literal('ready'),
    ...common,
    kind: z.enum(READY_KINDS),
    name: ObjectName.optional(),
    selector: Selector.optional(),
    namespace: Namespace.optional(),
    timeoutSeconds: Timeout.default(120),
  })
  .refine((check) => exactlyOne(['name', 'selector'], check), {
    message: 'needs exactly one of name, selector',
  });

/** Pods matching the selector started in this order, each only after the previous was Ready. */
export const OrderedCheckSchema = z.strictObject({
  type: z.literal('ordered'),
  ...common,
  selector: Selector,
  namespace: Namespace.optional(),
  names: z.array(ObjectName).min(2),
});

/** A command (run with `sh -c`) on a node or in a pod's container. */
export const ExecCheckSchema = z.strictObject({
  type: z.literal('exec'),
  ...common,
  in: TargetSchema,
  command: Templated,
  exitCode: z.number().int().min(0).max(255).default(0),
  stdoutContains: Templated.optional(),
  stdoutMatches: Pattern.optional(),
});

/**
 * An HTTP GET from a node or a pod. With `requests: N` the URL is fetched N times; with
 * `distinctAtLeast: K` at least K different bodies must come back (load balancing).
 */
export const HttpCheckSchema = z
  .strictObject({
    type: z.literal('http'),
    ...common,
    from: TargetSchema,
    url: Templated,
    status: z.number().int().min(100).max(599).default(200),
    bodyContains: Templated.optional(),
    bodyMatches: Pattern.optional(),
    requests: z.number().int().min(1).max(100).default(1),
    distinctAtLeast: z.number().int().min(2).optional(),
  })
  .refine(
    (check) => check.distinctAtLeast === undefined || check.distinctAtLeast <= check.requests,
    {
      message: 'distinctAtLeast cannot be more than requests',
      path: ['distinctAtLeast'],
    },
  );

/** A DNS name as a pod resolves it: to anything, to an address in a CIDR, or to one address. */
export const DnsCheckSchema = z
  .strictObject({
    type: z.literal('dns'),
    ...common,
    from: PodTargetSchema,
    name: Templated,
    resolvesInCidr: Cidr.optional(),
    resolvesTo: Templated.optional(),
  })
  .refine((check) => check.resolvesInCidr === undefined || check.resolvesTo === undefined, {
    message: 'give at most one of resolvesInCidr, resolvesTo',
  });

/** A file on a node: exists (optionally containing a text) or, with `absent: true`, does not. */
export const FileCheckSchema = z
  .strictObject({
    type: z.literal('file'),
    ...common,
    node: NodeNameSchema,
    path: z.string().regex(/^\/\S*$/, 'must be an absolute path'),
    contains: Templated.optional(),
    absent: z.literal(true).optional(),
  })
  .refine((check) => check.contains === undefined || check.absent === undefined, {
    message: 'contains and absent exclude each other',
  });

/**
 * A request's path through the lab, as `kubelab trace` finds it: from a pod or node to a pod,
 * Service (NAME[.NS]:PORT), DNS name or IP — translated by kube-proxy or not, towards an endpoint
 * on the same or another node, delivered or dropped by a NetworkPolicy. With `probe` (default)
 * one real connection must be seen at every hop.
 */
export const TraceCheckSchema = z.strictObject({
  type: z.literal('trace'),
  ...common,
  from: Templated,
  to: Templated,
  probe: z.boolean().default(true),
  dnat: z.boolean().optional(),
  /** Some endpoint kube-proxy can pick is on the source's node, or on another. */
  endpointOn: z.enum(['same-node', 'other-node']).optional(),
  /** False: a NetworkPolicy must drop it before the destination. */
  delivered: z.boolean().default(true),
});

export { CHECK_TYPES } from '../api/schemas/check-types.ts';

export const CheckSchema = z.discriminatedUnion('type', [
  ExistsCheckSchema,
  FieldCheckSchema,
  CountCheckSchema,
  ReadyCheckSchema,
  OrderedCheckSchema,
  ExecCheckSchema,
  HttpCheckSchema,
  DnsCheckSchema,
  FileCheckSchema,
  TraceCheckSchema,
]);

export type ExistsCheck = z.infer<typeof ExistsCheckSchema>;
export type FieldCheck = z.infer<typeof FieldCheckSchema>;
export type CountCheck = z.infer<typeof CountCheckSchema>;
export type ReadyCheck = z.infer<typeof ReadyCheckSchema>;
export type OrderedCheck = z.infer<typeof OrderedCheckSchema>;
export type ExecCheck = z.infer<typeof ExecCheckSchema>;
export type HttpCheck = z.infer<typeof HttpCheckSchema>;
export type DnsCheck = z.infer<typeof DnsCheckSchema>;
export type FileCheck = z.infer<typeof FileCheckSchema>;
export type TraceCheck = z.infer<typeof TraceCheckSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type CheckType = Check['type'];
/** What a scenario.yaml may say, before defaults are filled in. */
export type CheckInput = z.input<typeof CheckSchema>;

// ---------------------------------------------------------------------------------------------
// Solve: what the self-test (and the "show me" button) runs to complete a step.

/** A shell command, run with `bash -lc` in /home/learner on a node (default control-plane). */
export const RunActionSchema = z.strictObject({
  run: z.string().min(1),
  node: NodeNameSchema.optional(),
});
/** Poll a check until it passes (or the timeout, default the check's own or 120 s, runs out). */
export const WaitActionSchema = z.strictObject({
  wait: CheckSchema,
  timeoutSeconds: Timeout.optional(),
});
export const SolveActionSchema = z.union([RunActionSchema, WaitActionSchema], {
  error: 'must be {run: COMMAND, node?} or {wait: CHECK, timeoutSeconds?}',
});
export type RunAction = z.infer<typeof RunActionSchema>;
export type WaitAction = z.infer<typeof WaitActionSchema>;
export type SolveAction = z.infer<typeof SolveActionSchema>;

// ---------------------------------------------------------------------------------------------
// Setup: what runs hidden before a step (or the scenario) is shown — the broken state of a
// troubleshooting exercise, a namespace the tutorial assumes. Runs once per lab until a reset
// (checker/setup.ts keeps the record in the cluster); must be idempotent, which verify proves
// by running it twice.

const RelativeFile = (extensions: RegExp, what: string): z.ZodString =>
  z
    .string()
    .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[\w./-]+$/, 'must be a path inside the scenario folder')
    .regex(extensions, `must name a ${what} file`);

/** A manifest from the scenario folder, `kubectl apply`-ed (namespace optional). */
export const ApplyActionSchema = z.strictObject({
  apply: RelativeFile(/\.ya?ml$/, 'YAML (.yaml)'),
  namespace: Namespace.optional(),
});
/** A command (`sh -c`) in a pod's container, through kubectl exec. */
export const PodRunActionSchema = z.strictObject({
  exec: z.string().min(1),
  in: PodTargetSchema,
});
export const SetupActionSchema = z.union(
  [RunActionSchema, ApplyActionSchema, PodRunActionSchema, WaitActionSchema],
  {
    error:
      'must be {run: COMMAND, node?}, {apply: FILE.yaml, namespace?}, {exec: COMMAND, in: {pod: NAME}} or {wait: CHECK, timeoutSeconds?}',
  },
);
export type ApplyAction = z.infer<typeof ApplyActionSchema>;
export type PodRunAction = z.infer<typeof PodRunActionSchema>;
export type SetupAction = z.infer<typeof SetupActionSchema>;

// ---------------------------------------------------------------------------------------------
// Steps and the scenario.

const ANY_FILE = /[^/]$/;

/**
 * A text file of the scenario folder placed on nodes. A bare path goes to /home/learner/<name> on
 * every node; the long form says where (`to`: an absolute path, `~/…` for the learner home, a
 * trailing `/` keeps the file's name), on which node (default every node) and with which mode.
 */
export const PlacedFileSchema = z.strictObject({
  source: RelativeFile(ANY_FILE, 'regular'),
  to: z
    .string()
    .regex(/^(\/|~\/)[^\0]*$/, 'must be an absolute path or ~/… (the learner home)')
    .refine((to) => !/(^|\/)\.\.(\/|$)/.test(to), 'must not contain ".."')
    .optional(),
  node: NodeNameSchema.optional(),
  mode: z
    .string()
    .regex(/^0?[0-7]{3}$/, 'must be an octal file mode, e.g. "0755"')
    .optional(),
});
export const StepFileSchema = z.union([RelativeFile(ANY_FILE, 'regular'), PlacedFileSchema], {
  error: 'must be a path in the scenario folder or {source: PATH, to?, node?, mode?}',
});
export type PlacedFile = z.infer<typeof PlacedFileSchema>;
export type StepFile = z.infer<typeof StepFileSchema>;

export const StepSchema = z.strictObject({
  id: z.string().regex(KEBAB, 'must be kebab-case, e.g. create-pod'),
  title: z.string().min(1),
  /** Markdown file in the scenario folder, e.g. steps/01-create-pod.md. */
  text: RelativeFile(/\.md$/, 'Markdown (.md)'),
  /** Text files of the scenario folder (manifests, scripts, configs) placed on the nodes. */
  files: z.array(StepFileSchema).default([]),
  /** Runs hidden when the step opens, is checked or is solved, once per lab until a reset. */
  setup: z.array(SetupActionSchema).default([]),
  /** False for a step that only observes: its checks may already pass before it is solved. */
  changesState: z.boolean().default(true),
  checks: z.array(CheckSchema).min(1, 'a step needs at least one check'),
  hints: z.array(z.string().min(1)).default([]),
  solve: z.array(SolveActionSchema).min(1, 'a step needs at least one solve action'),
});
export type Step = z.infer<typeof StepSchema>;

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

export const ScenarioSchema = z
  .strictObject({
    id: z.string().regex(KEBAB, 'must be kebab-case, e.g. pod-networking'),
    /** Position in the scenario list (ascending); ties sort by id. */
    order: z.number().int().nonnegative().optional(),
    title: z.string().min(1),
    summary: z.string().min(1),
    level: z.enum(LEVELS),
    minutes: z.number().int().positive().max(600),
    nodes: z.number().int().min(1).max(3),
    /**
     * Container images the scenario's pods use, as written in its manifests. May be empty: a
     * scenario that only reads the cluster (or an imported one without pods) runs none.
     */
    images: z.array(z.string().min(1)).default([]),
    /**
     * Images its manifests name on purpose although the lab cannot pull them: the broken tag of a
     * troubleshooting exercise. Lint accepts them in manifests and refuses them when pullable.
     */
    brokenImages: z.array(z.string().min(1)).default([]),
    /**
     * File name of the source tutorial this scenario teaches (in the seed collection); the
     * built-in scenarios name theirs, an instructor's own need not.
     */
    seed: z
      .string()
      .regex(/^[\w.-]+$/, 'must be a file name')
      .optional(),
    /** Markdown shown before the first step, and after the last one passed. */
    intro: RelativeFile(/\.md$/, 'Markdown (.md)').optional(),
    finish: RelativeFile(/\.md$/, 'Markdown (.md)').optional(),
    /** Files every step needs, placed before the first one (same forms as a step's). */
    files: z.array(StepFileSchema).default([]),
    /** Runs hidden before any step of the scenario, once per lab until a reset. */
    setup: z.array(SetupActionSchema).default([]),
    steps: z.array(StepSchema).min(1, 'a scenario needs at least one step'),
  })
  .superRefine((scenario, ctx) => {
    for (const issue of crossReferenceIssues(scenario)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
