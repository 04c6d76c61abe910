// Files: browse, view and edit the learner folders of a lab (each node's home and /mnt, and the
// dynamic PV folder). Paths are relative to a root id; the main process confines them.
import { z } from 'zod';
import { LabNameSchema } from './lab.ts';

const rootId = z.string().regex(/^(volumes|[a-z0-9-]{1,40}\/(home|mnt))$/, 'e.g. "worker1/mnt"');
const relativePath = z.string().max(4096);

/** Largest file Files shows, and largest it saves. */
export const FILE_READ_LIMIT = 1024 * 1024;
export const FILE_WRITE_LIMIT = 256 * 1024;

export const FilesRootsRequestSchema = z.object({ lab: LabNameSchema }).strict();
export const FileRootSchema = z.object({
  id: z.string(),
  hostPath: z.string(),
  nodePath: z.string(),
  node: z.string().nullable(),
  exists: z.boolean(),
});

export const FilesListRequestSchema = z
  .object({ lab: LabNameSchema, root: rootId, path: relativePath.default('') })
  .strict();
export const FileEntrySchema = z.object({
  name: z.string(),
  kind: z.enum(['file', 'dir', 'symlink', 'other']),
  size: z.number(),
  modifiedMs: z.number(),
});
export const FilesListSchema = z.object({
  root: z.string(),
  path: z.string(),
  entries: z.array(FileEntrySchema),
});

export const FilesReadRequestSchema = z
  .object({ lab: LabNameSchema, root: rootId, path: relativePath.min(1) })
  .strict();
export const FileContentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    content: z.string(),
    size: z.number(),
    modifiedMs: z.number(),
  }),
  z.object({ kind: z.literal('binary'), size: z.number(), modifiedMs: z.number() }),
]);

export const FilesWriteRequestSchema = z
  .object({
    lab: LabNameSchema,
    root: rootId,
    path: relativePath.min(1),
    content: z.string().max(FILE_WRITE_LIMIT, 'at most 256 KiB can be saved from Files'),
  })
  .strict();
export const FileWrittenSchema = z.object({ size: z.number(), modifiedMs: z.number() });

export type FileRootView = z.infer<typeof FileRootSchema>;
export type FileEntry = z.infer<typeof FileEntrySchema>;
export type FileContent = z.infer<typeof FileContentSchema>;
