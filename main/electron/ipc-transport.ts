// Electron transport: one ipcMain.handle per contract channel, events forwarded to every window.
import { ipcMain, webContents } from 'electron';
import type { WebContents } from 'electron';
import { createCaller } from '../api/caller.ts';
import type { Caller } from '../api/caller.ts';
import { allChannels } from '../api/contract.ts';
import { LabError, toWireError } from '../api/errors.ts';
import type { LabApp } from '../app.ts';
import { EVENT_CHANNEL } from './ipc-channels.ts';
import { senderTrusted } from './trusted-sender.ts';
import type { AppPage } from './trusted-sender.ts';

const callerPrefix = 'ipc-';

/**
 * One caller per page load of a window: what it opens (terminals) is released when the window
 * goes away or reloads.
 */
function callerRegistry(): (contents: WebContents) => Caller {
  const callers = new Map<number, Caller>();
  return (contents) => {
    const known = callers.get(contents.id);
    if (known) return known;
    const { caller, close } = createCaller(`${callerPrefix}${contents.id}`);
    callers.set(contents.id, caller);
    const release = (): void => {
      callers.delete(contents.id);
      close();
    };
    contents.once('destroyed', release);
    // A reload or navigation of the main frame starts a new page: a new caller.
    contents.once('did-navigate', release);
    return caller;
  };
}

export function registerIpc(app: LabApp, page: AppPage): () => void {
  const callerOf = callerRegistry();
  for (const channel of allChannels()) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frame = event.senderFrame;
      const trusted = senderTrusted(
        frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null,
        page,
      );
      if (!trusted) {
        const refused = new LabError(
          'FORBIDDEN_FRAME',
          `IPC from ${frame?.url ?? 'an unknown frame'} refused: only kubelab's own page may use the API.`,
          { fix: 'Use the kubelab window itself; embedded pages (Service previews) have no API.' },
        );
        return { error: toWireError(refused) };
      }
      return app.dispatch(channel, input, callerOf(event.sender));
    });
  }
  const unsubscribe = app.bus.subscribe((event, to) => {
    for (const contents of webContents.getAllWebContents()) {
      if (to === undefined || to === `${callerPrefix}${contents.id}`) {
        contents.send(EVENT_CHANNEL, event);
      }
    }
  });
  return () => {
    unsubscribe();
    for (const channel of allChannels()) ipcMain.removeHandler(channel);
  };
}
