// The `kubelab` command of an installed app, as the Home screen shows it: where it is, and
// whether the app can put it on the learner's PATH (macOS and AppImage, where no installer
// script runs). main/install/cli-command.ts decides; declared here because the contract
// answers it to the renderer.
import { z } from 'zod';

export const CommandStatusSchema = z.object({
  /** The `kubelab` that a new terminal finds on PATH, if any. */
  onPath: z.string().nullable(),
  /** Where the app would install it (null: nothing to offer here — a checkout, deb, Windows). */
  offer: z
    .object({
      path: z.string(),
      /** A link to the launcher, or a small script (AppImage: the file moves with the image). */
      kind: z.enum(['link', 'script']),
      /** False when that folder is not on PATH: the Home screen says which line to add. */
      folderOnPath: z.boolean(),
    })
    .nullable(),
});
export type CommandStatus = z.infer<typeof CommandStatusSchema>;

export const CommandInstalledSchema = z.object({
  path: z.string(),
  /** What to tell the learner: how to run it, or which line to add to the shell profile. */
  message: z.string(),
});
export type CommandInstalled = z.infer<typeof CommandInstalledSchema>;
