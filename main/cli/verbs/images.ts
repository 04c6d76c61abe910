import { defineCommand, defineGroup } from '../command.ts';
import { JSON_FLAG } from './shared-flags.ts';

export const imagesBuildFlags = {};
export const imagesListFlags = { json: JSON_FLAG } as const;
export const imagesPackFlags = {};
export const imagesLoadFlags = {};
export const imagesAddFlags = {
  as: {
    type: 'string',
    value: 'NAME:TAG',
    description: 'the name pods use for it (default: its own name)',
  },
  json: JSON_FLAG,
} as const;

export const imagesPullThroughFlags = {
  upstream: {
    type: 'string',
    value: 'URL',
    description: 'the registry the cache asks (default: Docker Hub, https://registry-1.docker.io)',
  },
  json: JSON_FLAG,
} as const;

export const images = defineGroup({
  name: 'images',
  summary: 'build, list, pack or load the lab images; add your own to the lab registry',
  subcommands: [
    defineCommand({
      name: 'build',
      summary: 'build the lab images that are missing or stale (dependencies first)',
      flags: imagesBuildFlags,
      positionals: [
        {
          name: 'NAME',
          optional: true,
          variadic: true,
          description: 'only these images and what they need (default: every image)',
        },
      ],
      load: async () => (await import('../commands/images.ts')).build,
    }),
    defineCommand({
      name: 'list',
      summary: 'name, state, size, built-at and ref of every lab image',
      flags: imagesListFlags,
      load: async () => (await import('../commands/images.ts')).list,
    }),
    defineCommand({
      name: 'pack',
      summary: 'write the images to one verified file for offline machines',
      flags: imagesPackFlags,
      positionals: [
        { name: 'FILE', completes: 'file', description: 'the file to write' },
        {
          name: 'NAME',
          optional: true,
          variadic: true,
          description: 'only these images (default: every image a lab uses)',
        },
      ],
      load: async () => (await import('../commands/images.ts')).pack,
    }),
    defineCommand({
      name: 'load',
      summary: 'import the images of a packed file (a damaged file imports nothing)',
      flags: imagesLoadFlags,
      positionals: [{ name: 'FILE', completes: 'file', description: 'the packed file' }],
      load: async () => (await import('../commands/images.ts')).load,
    }),
    defineCommand({
      name: 'add',
      summary:
        'put an image of yours (from Docker, or a docker save file) into the lab registry, for any registry name; every lab shares it',
      flags: imagesAddFlags,
      positionals: [
        {
          name: 'REF|FILE',
          completes: 'file',
          description:
            'an image in your Docker engine (example.org/team/tool:1.0) or a docker save file',
        },
      ],
      load: async () => (await import('../commands/images.ts')).add,
    }),
    defineCommand({
      name: 'pull-through',
      summary:
        'whether labs pull docker.io images the lab registry lacks through a cache of the upstream: auto (when it answers), on, off',
      flags: imagesPullThroughFlags,
      positionals: [
        {
          name: 'MODE',
          optional: true,
          description: 'auto, on or off (leave out to show the setting)',
        },
      ],
      load: async () => (await import('../commands/images.ts')).pullThrough,
    }),
  ],
});
