// The one app window: sandboxed renderer, remembered size/position (clamped to today's
// displays), links opened in the learner's browser, no navigation away from the app.
import { BrowserWindow, app, nativeTheme, screen, shell } from 'electron';
import { join } from 'node:path';
import type { LogFile } from './log-file.ts';
import { devServerUrl, rendererUrl } from './trusted-sender.ts';
import type { AppPage } from './trusted-sender.ts';
import { MIN_SIZE, clampWindowState, loadWindowState, saveWindowState } from './window-state.ts';
import type { Rect, WindowState } from './window-state.ts';

const SAVE_DEBOUNCE_MS = 500;

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

function currentState(window: BrowserWindow): WindowState {
  // The normal bounds, so a maximized window comes back maximized over the right size.
  const bounds = window.getNormalBounds();
  return { ...bounds, maximized: window.isMaximized() };
}

/** The page the window shows, and the only one whose main frame may call the API (ipc-transport). */
export function appPage(): AppPage {
  return {
    rendererFile: join(__dirname, '../renderer/index.html'),
    // a packaged app ignores ELECTRON_RENDERER_URL: it would load any page with the API
    devUrl: devServerUrl(app.isPackaged, process.env),
  };
}

export async function createMainWindow(stateFile: string, log: LogFile): Promise<BrowserWindow> {
  const state = clampWindowState(await loadWindowState(stateFile), workAreas());
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'kubelab',
    // Matches the theme's page colour, so the first frame does not flash white in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0f172a' : '#f8fafc',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(saveTimer);
    if (window.isDestroyed()) return;
    const next = currentState(window);
    saveWindowState(stateFile, next).catch((error: unknown) =>
      log.error(`cannot save the window state to ${stateFile}`, error),
    );
  };
  const saveSoon = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DEBOUNCE_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
    window.on(event as 'resize', saveSoon);
  }
  window.on('close', save);

  // Links open in the learner's browser, never inside the app window.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('render-process-gone', (_event, details) =>
    log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`),
  );
  await window.loadURL(rendererUrl(appPage()));
  return window;
}
