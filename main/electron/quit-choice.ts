// On quit, with labs still running: keep them running (they go on using CPU and memory, and
// the next start is instant) or stop them (a warm start later). Pure: the dialog's wording and
// what each answer means; index.ts shows it and acts.

export type QuitAction = 'keep' | 'stop' | 'cancel';

export interface QuitDialog {
  message: string;
  detail: string;
  /** In button order; the answer's index maps back through `actions`. */
  buttons: string[];
  actions: QuitAction[];
  defaultId: number;
  cancelId: number;
}

/** No dialog when nothing runs: quitting then has nothing to decide. */
export function quitDialog(runningLabs: readonly string[]): QuitDialog | null {
  if (runningLabs.length === 0) return null;
  const names = runningLabs.map((lab) => `“${lab}”`).join(', ');
  const one = runningLabs.length === 1;
  return {
    message: one ? `Lab ${names} is still running.` : `Labs ${names} are still running.`,
    detail:
      'Keep it running to come back to it at once (it keeps using memory and CPU), or stop it: ' +
      'everything is kept and the next start is a warm start of about half a minute.',
    buttons: [
      one ? 'Stop the lab and quit' : 'Stop the labs and quit',
      'Keep running and quit',
      'Cancel',
    ],
    actions: ['stop', 'keep', 'cancel'],
    defaultId: 0,
    cancelId: 2,
  };
}

export function quitAction(dialog: QuitDialog, response: number): QuitAction {
  return dialog.actions[response] ?? 'cancel';
}
