// On quit, with labs still running: suspend them (the default: no CPU, memory kept, back in
// seconds), keep them running (CPU and memory in use, back at once) or stop them (memory freed,
// a warm start later). Pure: the dialog's wording and what each answer means; index.ts acts.

export type QuitAction = 'suspend' | 'keep' | 'stop' | 'cancel';

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
      'Suspend it to come back in seconds: it uses no CPU meanwhile but keeps its memory. ' +
      'Keep it running to come back at once (it goes on using CPU and memory), or stop it to ' +
      'free the memory: everything is kept and the next start is a warm start of about half a minute.',
    buttons: [
      one ? 'Suspend the lab and quit' : 'Suspend the labs and quit',
      'Keep running and quit',
      one ? 'Stop the lab and quit' : 'Stop the labs and quit',
      'Cancel',
    ],
    actions: ['suspend', 'keep', 'stop', 'cancel'],
    defaultId: 0,
    cancelId: 3,
  };
}

export function quitAction(dialog: QuitDialog, response: number): QuitAction {
  return dialog.actions[response] ?? 'cancel';
}
