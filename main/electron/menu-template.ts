// The application menu as data (Electron builds it with Menu.buildFromTemplate). Pure: the
// actions are passed in, so the structure is tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  about: () => void;
  openLogFile: () => void;
  showLogFolder: () => void;
}

export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  options: { devTools: boolean },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  // Off macOS, Ctrl+C in a terminal is the shell's interrupt: the Edit items show their keys
  // but do not claim them (Chromium still copies/pastes in text fields by itself, and the
  // terminal copies with Ctrl+Shift+C).
  const edit = (
    role: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll',
  ): MenuItemConstructorOptions => (mac ? { role } : { role, registerAccelerator: false });
  const about: MenuItemConstructorOptions = { label: 'About kubelab', click: actions.about };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'kubelab',
          submenu: [
            about,
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        edit('undo'),
        edit('redo'),
        { type: 'separator' },
        edit('cut'),
        edit('copy'),
        edit('paste'),
        edit('selectAll'),
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Open Log File', click: actions.openLogFile },
        { label: 'Show Log Folder', click: actions.showLogFolder },
        ...(mac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ];
}
