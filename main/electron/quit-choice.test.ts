import { describe, expect, it } from 'vitest';
import { quitAction, quitDialog } from './quit-choice.ts';

describe('quit choice', () => {
  it('asks nothing when no lab runs', () => {
    expect(quitDialog([])).toBeNull();
  });

  it('names the running labs and maps each button to its action', () => {
    const dialog = quitDialog(['default', 'net'])!;
    expect(dialog.message).toBe('Labs “default”, “net” are still running.');
    expect(dialog.buttons).toHaveLength(dialog.actions.length);
    const byLabel = Object.fromEntries(
      dialog.buttons.map((label, index) => [label, quitAction(dialog, index)]),
    );
    expect(byLabel).toEqual({
      'Suspend the labs and quit': 'suspend',
      'Stop the labs and quit': 'stop',
      'Keep running and quit': 'keep',
      Cancel: 'cancel',
    });
    expect(quitAction(dialog, dialog.cancelId)).toBe('cancel');
    expect(quitAction(dialog, dialog.defaultId)).toBe('suspend');
  });

  it('treats an unknown answer (dialog closed) as cancel', () => {
    const dialog = quitDialog(['default'])!;
    expect(dialog.message).toBe('Lab “default” is still running.');
    expect(quitAction(dialog, 7)).toBe('cancel');
    expect(quitAction(dialog, -1)).toBe('cancel');
  });
});
