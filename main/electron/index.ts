// Electron main entry: one instance, one sandboxed window on the bundled renderer, the API over
// IPC, an application menu, an About box, a log file, and on quit the choice to keep running
// labs or stop them.
import { BrowserWindow, Menu, app, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { createApp } from '../app.ts';
import type { LabApp } from '../app.ts';
import { docker, requireEngine } from '../engine/docker.ts';
import { engineStatus } from '../engine/status.ts';
import { pinnedVersions } from '../images/versions.ts';
import { labDown } from '../lab/down.ts';
import { aboutDetail } from './about.ts';
import { registerIpc } from './ipc-transport.ts';
import { openLogFile } from './log-file.ts';
import type { LogFile } from './log-file.ts';
import { menuTemplate } from './menu-template.ts';
import { quitAction, quitDialog } from './quit-choice.ts';
import { labSuspend } from '../lab/suspend.ts';
import { runningLabs } from './running-labs.ts';
import { appPage, createMainWindow } from './window.ts';

let mainWindow: BrowserWindow | null = null;

async function showAbout(log: LogFile): Promise<void> {
  const kubernetes = ((): string | null => {
    try {
      return pinnedVersions().kubernetes;
    } catch (error) {
      log.error('cannot read the pinned versions', error);
      return null;
    }
  })();
  const engine = await engineStatus().then(
    (status) => (status.reachable ? status.version : null),
    () => null,
  );
  const options = {
    type: 'info' as const,
    title: 'About kubelab',
    message: 'kubelab',
    detail: aboutDetail(
      {
        app: app.getVersion(),
        kubernetes,
        engine,
        electron: process.versions.electron ?? 'unknown',
        chrome: process.versions.chrome ?? 'unknown',
        node: process.versions.node,
      },
      log.path,
    ),
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

function installMenu(log: LogFile): void {
  const template = menuTemplate(
    {
      about: () => void showAbout(log),
      openLogFile: () =>
        void shell.openPath(log.path).then((problem) => {
          if (problem) log.error(`cannot open the log file: ${problem}`);
        }),
      showLogFolder: () => shell.showItemInFolder(log.path),
    },
    process.platform,
    { devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Logs how every long operation ended (the file is what a bug report attaches). */
function logOperations(lab: LabApp, log: LogFile): () => void {
  return lab.bus.subscribe((event) => {
    if (event.event !== 'progress' || event.payload.state === 'running') return;
    const p = event.payload;
    const line = `${p.kind} ${p.state} after ${(p.elapsedMs / 1000).toFixed(1)} s: ${p.error ?? p.message}`;
    if (p.state === 'failed') log.error(line);
    else log.info(line);
  });
}

/**
 * Asks once, before quitting, whether running labs stay up: the first quit is held, the answer
 * either cancels it or (after stopping the labs, if asked to) quits for real.
 */
function guardQuit(log: LogFile): void {
  let decided = false;
  app.on('before-quit', (event) => {
    if (decided) return;
    event.preventDefault();
    void (async () => {
      const labs = await requireEngine()
        .then((client) => runningLabs(client))
        .catch(() => [] as string[]);
      const question = quitDialog(labs);
      if (question) {
        const options = {
          type: 'question' as const,
          title: 'Quit kubelab',
          message: question.message,
          detail: question.detail,
          buttons: question.buttons,
          defaultId: question.defaultId,
          cancelId: question.cancelId,
          noLink: true,
        };
        const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
        const { response } = window
          ? await dialog.showMessageBox(window, options)
          : await dialog.showMessageBox(options);
        const action = quitAction(question, response);
        log.info(`quit with labs ${labs.join(', ')} running: ${action}`);
        if (action === 'cancel') return;
        for (const lab of action === 'stop' || action === 'suspend' ? labs : []) {
          const done =
            action === 'stop'
              ? labDown(docker(), { lab, purge: false, data: false })
              : labSuspend(docker(), lab);
          await done.catch((error: unknown) =>
            log.error(`${action} of lab ${lab} on quit failed`, error),
          );
        }
      }
      decided = true;
      app.quit();
    })();
  });
}

function start(): void {
  const log = openLogFile(join(app.getPath('userData'), 'logs', 'kubelab.log'));
  log.info(`kubelab ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'})`);
  process.on('uncaughtException', (error) => log.error('uncaught exception', error));
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', error));
  const stateFile = join(app.getPath('userData'), 'window-state.json');

  const open = (): void => {
    createMainWindow(stateFile, log).then(
      (window) => {
        mainWindow = window;
        window.on('closed', () => {
          if (mainWindow === window) mainWindow = null;
        });
      },
      (error: unknown) => log.error('cannot open the window', error),
    );
  };

  // A second launch focuses the window that is already there.
  app.on('second-instance', () => {
    if (!mainWindow) return open();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    // The renderer asks for no device or notification permission: refuse them all.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, answer) =>
      answer(false),
    );
    const lab = createApp();
    const unregister = registerIpc(lab, appPage());
    const stopLogging = logOperations(lab, log);
    installMenu(log);
    guardQuit(log);
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    app.on('will-quit', () => {
      stopLogging();
      unregister();
      lab.services.terminals.closeAll();
      log.info('quit');
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
