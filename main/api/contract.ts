// THE contract between the UI and the main process: one entry per domain and method, each with
// the zod schema of its request and its answer. Both transports (Electron IPC and the WebSocket
// of browser mode) are generated from this object, and channel names are derived from its keys
// (`domain:method`), so a method is declared once and only here.
//
// This file (and everything it imports) must stay free of Node APIs: the renderer imports it.
import { z } from 'zod';
import { DoctorCheckSchema, EngineStatusSchema } from './schemas/engine.ts';
import { ProgressSchema } from './schemas/events.ts';
import { ImageStatusSchema } from './schemas/images.ts';
import { BundleFileSchema, BundleLoadSchema, BundlePathSchema } from './schemas/bundles.ts';
import {
  LabDownSchema,
  LabRefSchema,
  LabResetSchema,
  LabStatusSchema,
  LabUpSchema,
  OperationStartedSchema,
} from './schemas/lab.ts';
import {
  LiveValuesSchema,
  ProgressViewSchema,
  ScenarioViewSchema,
  StepCheckResultSchema,
  StepRefSchema,
} from './schemas/scenarios.ts';
import {
  TerminalAckOutputSchema,
  TerminalAckSchema,
  TerminalCloseSchema,
  TerminalDataSchema,
  TerminalExitSchema,
  TerminalOpenSchema,
  TerminalOpenedSchema,
  TerminalResizeSchema,
  TerminalWriteSchema,
} from './schemas/terminal.ts';
import {
  FileContentSchema,
  FileRootSchema,
  FileWrittenSchema,
  FilesListRequestSchema,
  FilesListSchema,
  FilesReadRequestSchema,
  FilesRootsRequestSchema,
  FilesWriteRequestSchema,
} from './schemas/files.ts';
import { PreviewOpenSchema, PreviewOpenedSchema } from './schemas/preview.ts';
import { ProgressReportAnswerSchema } from './schemas/report.ts';
import { TopologyRequestSchema, TopologySchema } from './schemas/topology.ts';
import { TraceSchema } from './schemas/trace.ts';
import { TraceRequestSchema } from './schemas/trace-request.ts';
import {
  TraceCountsSchema,
  TraceWatchRefSchema,
  TraceWatchRequestSchema,
  TraceWatchSchema,
} from './schemas/trace-watch.ts';
import { CommandInstalledSchema, CommandStatusSchema } from './schemas/command.ts';
import { AppSettingsSchema } from './schemas/settings.ts';
import type { Caller } from './caller.ts';

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

const none = z.object({}).strict();

export const labApiContract = {
  engine: {
    status: method(none, EngineStatusSchema),
    doctor: method(none, z.array(DoctorCheckSchema)),
  },
  images: {
    list: method(none, z.array(ImageStatusSchema)),
    /** Builds what is missing or stale (all images when `names` is empty); progress events. */
    build: method(
      z.object({ names: z.array(z.string()).default([]) }).strict(),
      OperationStartedSchema,
    ),
  },
  bundles: {
    /** Workshop bundles next to the app (installer's bundle/, KUBELAB_HOME/bundles, …). */
    find: method(none, z.array(BundleFileSchema)),
    /** One bundle file by path: what its manifest says, or why this machine cannot take it. */
    inspect: method(BundlePathSchema, BundleFileSchema),
    /** Verifies, then imports images and scenarios in the background; progress events. */
    /** `trust`: the signer's fingerprint the learner accepted, or `unsigned: true`. */
    load: method(BundleLoadSchema, OperationStartedSchema),
  },
  lab: {
    status: method(LabRefSchema, LabStatusSchema),
    up: method(LabUpSchema, OperationStartedSchema),
    down: method(LabDownSchema, OperationStartedSchema),
    /** Freezes the lab's nodes (docker pause): no CPU, memory kept; `up` resumes in seconds. */
    suspend: method(LabRefSchema, OperationStartedSchema),
    reset: method(LabResetSchema, OperationStartedSchema),
  },
  scenarios: {
    /** Every scenario that loads cleanly, with each step's Markdown. */
    list: method(none, z.array(ScenarioViewSchema)),
    /** Puts the step's manifests (and earlier steps') into the learner home on every node. */
    open: method(StepRefSchema, z.object({ ready: z.boolean(), problem: z.string().nullable() })),
    /** The live values the step's text names, read from the lab now (re-asked as it changes). */
    values: method(StepRefSchema, LiveValuesSchema),
    /** Checks a step now (brief wait); every condition with expected/found/hint/command. */
    check: method(StepRefSchema, StepCheckResultSchema),
    /** Applies a step's solution in the background ("show me"); progress events. */
    solve: method(StepRefSchema, OperationStartedSchema),
    /**
     * Authoring mode: runs the step's trial on the lab as it is (setup twice, checks fail, solve,
     * checks pass) in the background; progress events; fails with VERIFY_FAILED and the reasons.
     */
    verifyStep: method(StepRefSchema, OperationStartedSchema),
    /** Steps passed and hints revealed, per scenario, in a lab. */
    progress: method(z.object({ lab: StepRefSchema.shape.lab }).strict(), ProgressViewSchema),
    /** The lab's progress report for an instructor: the page to save and its data. */
    report: method(LabRefSchema, ProgressReportAnswerSchema),
    /** Records that `shown` hints of a step are revealed. */
    hint: method(
      StepRefSchema.extend({ shown: z.number().int().min(1) }).strict(),
      ProgressViewSchema,
    ),
  },
  terminal: {
    /** A shell on a node, owned by the calling connection/window (re-attaches if open). */
    open: method(TerminalOpenSchema, TerminalOpenedSchema),
    write: method(TerminalWriteSchema, TerminalAckSchema),
    /** Output drawn by the view (flow control of sessions opened with ackOutput). */
    ack: method(TerminalAckOutputSchema, TerminalAckSchema),
    resize: method(TerminalResizeSchema, TerminalAckSchema),
    close: method(TerminalCloseSchema, TerminalAckSchema),
  },
  topology: {
    /** Nodes with eth0/cni0/veths, pods, Services with endpoints, PVs with host folders. */
    get: method(TopologyRequestSchema, TopologySchema),
    /**
     * The path of a TCP request hop by hop (`kubelab trace`). A plain request, not an operation:
     * with `probe` it answers in about 10 s (bounded captures), well inside both transports'
     * limits (Electron IPC has none; the WebSocket client waits 60 s).
     */
    trace: method(TraceRequestSchema, TraceSchema),
    /** Live: bounded captures (5 min) on a shown trace's hops, to light them as packets pass. */
    watchTrace: method(TraceWatchRequestSchema, TraceWatchSchema),
    traceCounts: method(TraceWatchRefSchema, TraceCountsSchema),
    unwatchTrace: method(TraceWatchRefSchema, z.object({ ok: z.boolean() })),
  },
  files: {
    /** The learner folders of a lab: each node's home and /mnt, and the dynamic PV folder. */
    roots: method(FilesRootsRequestSchema, z.array(FileRootSchema)),
    list: method(FilesListRequestSchema, FilesListSchema),
    /** Text up to 1 MiB; a binary file is answered as such, without content. */
    read: method(FilesReadRequestSchema, FileContentSchema),
    /** Saves text up to 256 KiB (an existing regular file or a new one in an existing folder). */
    write: method(FilesWriteRequestSchema, FileWrittenSchema),
  },
  preview: {
    /** A loopback URL that shows a Service's HTTP answer, proxied through the lab. */
    open: method(PreviewOpenSchema, PreviewOpenedSchema),
  },
  app: {
    /** The `kubelab` command: on PATH or not, and whether the app offers to install it. */
    command: method(none, CommandStatusSchema),
    /** Installs it as offered (macOS, AppImage); refuses to replace what is not kubelab's. */
    installCommand: method(none, CommandInstalledSchema),
    /** The app's settings (defaults for what was never saved). */
    settings: method(none, AppSettingsSchema),
    /** Saves the settings given, keeps the others; answers them all. */
    saveSettings: method(AppSettingsSchema.partial().strict(), AppSettingsSchema),
  },
  operations: {
    /** Every long operation still running (or just finished): lets a late screen catch up. */
    list: method(none, z.array(ProgressSchema)),
    cancel: method(
      z.object({ operationId: z.string() }).strict(),
      z.object({ cancelled: z.boolean() }),
    ),
  },
} as const;

/** Events the main process pushes to every connected UI. */
export const labEventSchemas = {
  progress: ProgressSchema,
  /** Sent only to the connection that owns the session. */
  terminalData: TerminalDataSchema,
  terminalExit: TerminalExitSchema,
  /** Authoring mode: files under the watched scenarios folder changed (paths relative to it). */
  catalogChanged: z.object({ changed: z.array(z.string()) }),
} as const;

type Contract = typeof labApiContract;
export type Domain = keyof Contract;
export type MethodOf<D extends Domain> = keyof Contract[D] & string;
export type Channel = { [D in Domain]: `${D}:${MethodOf<D>}` }[Domain];

type Spec<D extends Domain, M extends MethodOf<D>> =
  Contract[D][M] extends MethodSpec<infer I, infer O>
    ? { input: z.input<I>; parsed: z.output<I>; output: z.output<O> }
    : never;

/** The API as the UI calls it and as the main process implements it. */
export type LabApi = {
  [D in Domain]: {
    [M in MethodOf<D>]: (input: Spec<D, M>['input']) => Promise<Spec<D, M>['output']>;
  };
};

/**
 * What the main process implements: the same methods, each also told who is calling (the
 * dispatcher passes the parsed request and the connection's Caller).
 */
export type LabImplementation = {
  [D in Domain]: {
    [M in MethodOf<D>]: (
      input: Spec<D, M>['parsed'],
      caller: Caller,
    ) => Promise<Spec<D, M>['output']>;
  };
};

export type LabEventName = keyof typeof labEventSchemas;
export type LabEvents = { [E in LabEventName]: z.output<(typeof labEventSchemas)[E]> };

export function channelOf<D extends Domain>(domain: D, name: MethodOf<D>): Channel {
  return `${domain}:${name}` as Channel;
}

/** Every channel of the contract, in declaration order. */
export function allChannels(): Channel[] {
  const channels: Channel[] = [];
  for (const domain of Object.keys(labApiContract) as Domain[]) {
    for (const name of Object.keys(labApiContract[domain]) as MethodOf<typeof domain>[]) {
      channels.push(channelOf(domain, name));
    }
  }
  return channels;
}

export function specOf(channel: string): MethodSpec<z.ZodType, z.ZodType> | undefined {
  const [domain, name, ...rest] = channel.split(':');
  if (domain === undefined || name === undefined || rest.length > 0) return undefined;
  if (!Object.hasOwn(labApiContract, domain)) return undefined;
  const methods = labApiContract[domain as Domain] as Record<
    string,
    MethodSpec<z.ZodType, z.ZodType>
  >;
  return Object.hasOwn(methods, name) ? methods[name] : undefined;
}
