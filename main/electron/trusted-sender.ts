// Which frames may call the API over IPC: only the app's own page in the window's main frame —
// never a subframe (a Service preview is an iframe) and never a page the window was somehow
// navigated to. Pure, so it is unit-tested without Electron.
import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** The built renderer's index.html on disk. */
  rendererFile: string;
  /** The dev server's URL, only in an unpackaged build (`electron-vite dev`). */
  devUrl: string | null;
}

export function rendererUrl(page: AppPage): string {
  return page.devUrl ?? pathToFileURL(page.rendererFile).href;
}

export function senderTrusted(
  frame: { url: string; isMainFrame: boolean } | null,
  page: AppPage,
): boolean {
  if (!frame || !frame.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  if (page.devUrl) return url.origin === new URL(page.devUrl).origin;
  return url.protocol === 'file:' && url.pathname === pathToFileURL(page.rendererFile).pathname;
}

/** The dev server's URL is honoured only when the app is not packaged. */
export function devServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | null {
  return !isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : null;
}
