import { defineCommand, defineGroup } from '../command.ts';
import { JSON_FLAG, SCENARIOS_DIR_FLAG } from './shared-flags.ts';

export const bundleCreateFlags = {
  scenarios: {
    type: 'string',
    value: 'A,B',
    description: 'only these scenarios (default: every scenario)',
  },
  images: {
    type: 'string',
    value: 'A,B',
    description: 'only these lab images (default: every image a lab uses)',
  },
  added: {
    type: 'string',
    value: 'all|none|A,B',
    description:
      'images added with `kubelab images add` to carry, by name (default: all of them; the learner’s lab registry gets them)',
  },
  'scenarios-dir': SCENARIOS_DIR_FLAG,
  sign: {
    type: 'string',
    value: 'KEY',
    description: 'sign with this key file (made by `kubelab bundle keygen`)',
  },
} as const;

export const bundleLoadFlags = {
  trust: {
    type: 'string',
    value: 'FINGERPRINT',
    description: 'trust the signer with this fingerprint (the one your instructor gave you)',
  },
  'trust-unsigned': {
    type: 'boolean',
    description: 'load an unsigned bundle (its scenarios run commands as root in the nodes)',
  },
} as const;

export const bundleInspectFlags = { json: JSON_FLAG } as const;

export const bundleKeygenFlags = {
  out: {
    type: 'string',
    value: 'DIR',
    default: '.',
    description: 'the folder to write kubelab-signing.key and .pub to',
  },
} as const;

const FILE = { name: 'FILE', completes: 'file', description: 'the bundle file' } as const;

export const bundle = defineGroup({
  name: 'bundle',
  summary:
    'offline workshops: one verified file with the lab images and scenarios; load refuses a damaged one and imports nothing',
  subcommands: [
    defineCommand({
      name: 'create',
      summary: 'write a workshop bundle: lab images, scenarios and a manifest, optionally signed',
      flags: bundleCreateFlags,
      positionals: [{ ...FILE, description: 'the bundle file to write' }],
      load: async () => (await import('../commands/bundle.ts')).create,
    }),
    defineCommand({
      name: 'load',
      summary: 'verify a bundle, then import its images and scenarios',
      flags: bundleLoadFlags,
      positionals: [FILE],
      load: async () => (await import('../commands/bundle.ts')).load,
    }),
    defineCommand({
      name: 'inspect',
      summary: 'show a bundle’s manifest and signer without importing anything',
      flags: bundleInspectFlags,
      positionals: [FILE],
      load: async () => (await import('../commands/bundle.ts')).inspect,
    }),
    defineCommand({
      name: 'keygen',
      summary: 'make an instructor’s signing key (never overwritten) and print its fingerprint',
      flags: bundleKeygenFlags,
      load: async () => (await import('../commands/bundle.ts')).keygen,
    }),
  ],
});
