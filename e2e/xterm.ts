// Driving a node's terminal like a learner: click into xterm, type key by key, read the screen.
// The screen text is xterm's rendered rows (`.xterm-rows`), i.e. what is visible right now; rows
// are divs, so their text runs together (a wrapped line reads whole; match gaps with \s*).
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** Per-key delay: slow enough to be real keystrokes, fast enough for a nine-step scenario. */
export const KEY_DELAY_MS = 12;

export function nodeTerminal(page: Page, node = 'control-plane'): Locator {
  return page.locator(`[data-testid="terminal"][data-node="${node}"]`);
}

export function terminalScreen(terminal: Locator): Locator {
  return terminal.locator('.xterm-rows');
}

/** Waits until the node's shell is attached and has printed its prompt. */
export async function openShell(page: Page, node = 'control-plane'): Promise<Locator> {
  await expect(page.getByTestId(`terminal-tab-${node}`)).toBeVisible({ timeout: 30_000 });
  const terminal = nodeTerminal(page, node);
  await expect(terminal).toHaveAttribute('data-status', 'open', { timeout: 30_000 });
  await expect(terminalScreen(terminal)).toContainText('#', { timeout: 30_000 });
  return terminal;
}

/** Types one command line into the terminal and presses Enter. */
export async function typeLine(page: Page, terminal: Locator, line: string): Promise<void> {
  await terminal.locator('.xterm').click();
  await page.keyboard.type(line, { delay: KEY_DELAY_MS });
  await page.keyboard.press('Enter');
}

/** Clears the screen (`clear`), so what is asserted next can only come from what runs next. */
export async function clearScreen(page: Page, terminal: Locator): Promise<void> {
  await typeLine(page, terminal, 'clear');
  // Cleared = nothing on screen but one prompt (rows are divs: their text runs together).
  await expect
    .poll(async () => ((await terminalScreen(terminal).textContent()) ?? '').trim(), {
      timeout: 10_000,
    })
    .toMatch(/^[^#$]{0,80}[#$]$/);
}

export async function expectOnScreen(
  terminal: Locator,
  text: string | RegExp,
  timeout = 30_000,
): Promise<void> {
  await expect(terminalScreen(terminal)).toContainText(text, { timeout });
}
