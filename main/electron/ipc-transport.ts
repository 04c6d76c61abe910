// Electron transport: one ipcMain.handle per contract channel, events forwarded to every window.
import { ipcMain, webContents } from 'electron';
import { allChannels } from '../api/contract.ts';
import type { LabApp } from '../app.ts';
import { EVENT_CHANNEL } from './ipc-channels.ts';

export function registerIpc(app: LabApp): () => void {
  for (const channel of allChannels()) {
    ipcMain.handle(channel, (_event, input: unknown) => app.dispatch(channel, input));
  }
  const unsubscribe = app.bus.subscribe((event) => {
    for (const contents of webContents.getAllWebContents()) contents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const channel of allChannels()) ipcMain.removeHandler(channel);
  };
}
