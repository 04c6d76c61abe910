// The app's own settings (Home → "This computer"), kept by the main process in
// $KUBELAB_HOME/settings.json; declared here because the contract answers them to the renderer.
import { z } from 'zod';

export const AppSettingsSchema = z
  .object({
    /**
     * After the app starts a lab, add its `kubelab-<lab>` context to ~/.kube/config (or
     * $KUBECONFIG's first file) and switch to it, as kind does — so k9s, Lens, VS Code and a
     * plain kubectl see the lab. On by default in the app; the CLI asks with --merge-kubeconfig.
     */
    mergeKubeconfig: z.boolean(),
  })
  .strict();
export type AppSettings = z.infer<typeof AppSettingsSchema>;

export const DEFAULT_APP_SETTINGS: AppSettings = { mergeKubeconfig: true };
