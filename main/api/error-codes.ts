// Every error code kubelab raises, declared once. Code that branches on a code (retry on STALLED,
// turn BAD_ARGUMENT into a usage line, …) is type-checked against this list, so a misspelt or
// retired code fails `tsc` instead of silently never matching. Shared layer: the renderer
// imports it too (pure data, no Node APIs).
//
// `fix` is the default advice for a code: LabError uses it when the throw site gives none. Most
// codes have none here because their fix depends on the case (the lab's name, the file, the
// port), and those sites always say it themselves.

interface ErrorCodeSpec {
  /** What the user can do about it when the throw site knows nothing more specific. */
  readonly fix?: string;
}

export const ERROR_CODES = {
  // Requests and arguments
  BAD_REQUEST: {},
  BAD_ARGUMENT: {},
  BAD_FRAME: {},
  /** A renderer frame that is not the app's own page asked for the API (Electron). */
  FORBIDDEN_FRAME: {},
  /** The command line was wrong: the CLI prints the verb's usage. */
  USAGE: {},
  BAD_PATH: {},
  UNKNOWN_METHOD: {},
  NOT_IMPLEMENTED: {},
  CONFIRMATION_NEEDED: {},
  /** The user (or the app on their behalf) stopped it: nothing to fix. */
  CANCELLED: {},
  /** A plain Error that reached a transport: a bug, not something the user did. */
  INTERNAL: {},
  // Transport (browser mode)
  DISCONNECTED: {},
  TIMEOUT: {},
  // Engine and images
  DOCKER_UNREACHABLE: {},
  ENGINE_UNUSABLE: {},
  /** The engine reported an error inside an import, load or push stream. */
  ENGINE_FAILED: {
    fix: 'Check the Docker engine (`docker info`, free disk space with `docker system df`), then try again.',
  },
  NO_IMAGE: {
    fix: 'Use one of the known image names (`kubelab images list` shows them).',
  },
  IMAGE_MISSING: {},
  /** `kubelab images add` was given something that is not an image name with a tag. */
  IMAGE_REF_INVALID: {},
  /** A file given to `kubelab images add` is not a `docker save` archive kubelab can read. */
  IMAGE_ARCHIVE_INVALID: {
    fix: 'Write it with `docker save -o FILE.tar IMAGE` (gzip allowed), or add the image by name.',
  },
  /** The engine's export of the workload images (one `docker save`) broke off or was unreadable. */
  IMAGE_SAVE_INVALID: {
    fix: 'Check the Docker engine (`kubelab doctor`, free disk space), then run `kubelab up` again.',
  },
  /** The lab registry refused or broke off a push. */
  REGISTRY_PUSH_FAILED: {
    fix: 'Check free disk space (`docker system df`), then run `kubelab images add` again.',
  },
  /** Reading an added image back out of the lab registry (for a bundle) failed. */
  REGISTRY_READ_FAILED: {
    fix: 'Add the image again (`kubelab images add NAME`), then create the bundle again.',
  },
  IMAGES_MISSING: {},
  IMAGES_NOT_CURRENT: {},
  IMAGE_BUILD_FAILED: {
    // The same words as images/build.ts diagnose() when it recognises no cause.
    fix: 'Read the log named above; fix the cause and run `kubelab images build` again (finished images are kept).',
  },
  LOAD_FAILED: {},
  REGISTRY_DOWN: {},
  // Bundles
  BAD_BUNDLE: {},
  BAD_KEY: {
    fix: 'Make a signing key with `kubelab bundle keygen` (Ed25519) and sign with that.',
  },
  BUNDLE_UNTRUSTED: {},
  KEY_EXISTS: {},
  // Labs
  LAB_BUSY: {},
  LAB_NOT_FOUND: {},
  LAB_NOT_READY: {},
  /** `kubelab export logs` could read nothing of the lab. */
  EXPORT_EMPTY: {},
  NO_LAB: {},
  NO_NODE: {},
  NODE_DOWN: {},
  NODE_NOT_RUNNING: {},
  NODE_COMMAND_FAILED: {},
  EXEC_TIMEOUT: {},
  STALLED: {},
  BOOTSTRAP_FAILED: {},
  KUBECTL_FAILED: {},
  KUBECONFIG_INVALID: {},
  KUBECONFIG_LOCKED: {},
  MERGE_UNSAFE: {},
  NAME_TAKEN: {},
  SUBNET_IN_USE: {},
  PORT_IN_USE: {},
  NO_SERVICE: {},
  NO_SERVICE_PORT: {},
  NO_ENDPOINTS: {},
  /** `kubelab trace` cannot follow the path (no endpoints, no namespace, a pod without an IP). */
  TRACE_FAILED: {},
  NO_SESSION: {},
  // Scenarios and steps
  BAD_SCENARIO: {},
  /** A scenario id (a folder name) that is not kebab-case. */
  BAD_SCENARIO_ID: {
    fix: 'Use lower-case letters and digits joined by single hyphens, e.g. my-first-scenario.',
  },
  /** `kubelab scenarios new` or `import` would write into a folder that already exists. */
  FOLDER_EXISTS: {},
  /** `kubelab scenarios import`: the folder is not a Killercoda scenario it can read. */
  NOT_KILLERCODA: {},
  NO_SCENARIO: {},
  NO_SCENARIOS_DIR: {},
  NO_STEP: {
    fix: 'Name a step the scenario has (its id, or its number counting from 1).',
  },
  STEP_NOT_PASSED: {},
  /** A scenario's hidden setup failed on the lab: the scenario's fault or the lab's, not the learner's. */
  SETUP_FAILED: {},
  /** Authoring mode's "Verify this step" found the step's setup, checks or solve wrong. */
  VERIFY_FAILED: {},
  PATTERN_TOO_SLOW: {},
  // Files
  /** kubelab's own files could not be saved: the disk is full. */
  DISK_FULL: {},
  /** kubelab's own files could not be saved: the folder is read-only or not ours. */
  CANNOT_WRITE: {},
  NO_FILE: {},
  NO_FOLDER: {},
  NO_ROOT: {},
  NOT_FOUND: {},
  NOT_A_FILE: {},
  NOT_A_FOLDER: {},
  FILE_TOO_LARGE: {},
  // The app itself
  UI_NOT_BUILT: {},
  UI_BUILD_FAILED: {},
  DIST_FAILED: {},
  /** Installing the `kubelab` command from the app: nothing to install from here. */
  COMMAND_NOT_OFFERED: {},
  /** …or a file that is not kubelab's is where the command would go. */
  COMMAND_PATH_TAKEN: {},
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** For codes that arrive from elsewhere (a wire error from a newer server). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** The default fix of a code, if it has one. */
export function defaultFix(code: ErrorCode): string | undefined {
  const spec: ErrorCodeSpec = ERROR_CODES[code];
  return spec.fix;
}
