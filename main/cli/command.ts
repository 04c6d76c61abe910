// The shape of one CLI verb: a declaration of what it accepts (flags, positionals, sub-verbs)
// from which the entry derives parsing, `--help`, usage errors and shell completion, plus a
// lazy `load` of the code that runs it. Declarations live in verbs/, implementations in
// commands/; only the verb that runs is imported, so `kubelab version` never loads dockerode.

export interface StringFlag {
  type: 'string';
  /** The value's placeholder in usage, e.g. "NAME" for `--lab NAME`. */
  value: string;
  description: string;
  default?: string;
  /** Repeatable: the verb gets every value, in order. */
  multiple?: boolean;
}

export interface BooleanFlag {
  type: 'boolean';
  description: string;
}

export type FlagSpec = StringFlag | BooleanFlag;
export type Flags = Readonly<Record<string, FlagSpec>>;

type FlagValue<F extends FlagSpec> = F extends BooleanFlag
  ? boolean
  : F extends { multiple: true }
    ? string[]
    : StringFlag extends F
      ? // a string flag not known statically (the erased registry): any of the three
        string[] | string | undefined
      : F extends { default: string }
        ? string
        : string | undefined;

/** What the verb receives for its flags: booleans default to false, lists to []. */
export type FlagValues<F extends Flags> = { -readonly [K in keyof F]: FlagValue<F[K]> };

export interface PositionalSpec {
  /** Its placeholder in usage, e.g. "SCENARIO". */
  name: string;
  description: string;
  optional?: boolean;
  /** Takes every remaining argument (only the last one may). */
  variadic?: boolean;
  /** The only values accepted (also what completion offers). */
  choices?: readonly string[];
  /** What shell completion offers for it (choices win; nothing said: no suggestion). */
  completes?: 'verb' | 'file' | 'dir';
}

/** Arguments after `--` that go to another program untouched (kubectl, a command in a node). */
export interface PassthroughSpec {
  name: string;
  description: string;
  /**
   * Whether `--` must be there. Without it, `exec` cannot tell its NODE from the command;
   * `kubectl` has always passed every argument on when there is no `--`.
   */
  requireSeparator: boolean;
}

export interface Parsed<F extends Flags> {
  values: FlagValues<F>;
  positionals: string[];
  /** The arguments after `--` (passthrough verbs only). */
  passthrough: string[];
}

/** Runs a verb; returns the process exit code. */
export type VerbRun<F extends Flags> = (parsed: Parsed<F>) => Promise<number>;

export interface VerbSpec<F extends Flags> {
  name: string;
  /** One line: what the verb does. */
  summary: string;
  flags: F;
  positionals?: readonly PositionalSpec[];
  passthrough?: PassthroughSpec;
  /** Imports the implementation only when the verb runs. */
  load: () => Promise<VerbRun<F>>;
}

/** A declared verb with its flag types erased, as the registry and the entry hold it. */
export interface CliCommand {
  name: string;
  summary: string;
  flags: Flags;
  positionals: readonly PositionalSpec[];
  passthrough?: PassthroughSpec;
  /** Absent on a verb that only groups sub-verbs (images, bundle). */
  load?: () => Promise<VerbRun<Flags>>;
  subcommands: readonly CliCommand[];
}

export function defineCommand<F extends Flags>(spec: VerbSpec<F>): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    flags: spec.flags,
    positionals: spec.positionals ?? [],
    ...(spec.passthrough ? { passthrough: spec.passthrough } : {}),
    // The parser builds the values from these same flags, so the erased run gets exactly the
    // shape VerbRun<F> declares.
    load: spec.load as () => Promise<VerbRun<Flags>>,
    subcommands: [],
  };
}

export interface GroupSpec {
  name: string;
  summary: string;
  subcommands: readonly CliCommand[];
  /** A verb that also runs on its own (`scenarios` lists, `scenarios lint` lints). */
  own?: CliCommand;
}

export function defineGroup(spec: GroupSpec): CliCommand {
  if (spec.own) return { ...spec.own, summary: spec.summary, subcommands: spec.subcommands };
  return {
    name: spec.name,
    summary: spec.summary,
    flags: {},
    positionals: [],
    subcommands: spec.subcommands,
  };
}
