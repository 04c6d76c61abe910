import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { activeTerminal } from '../lib/active-terminal.svelte.ts';
import { delegatingClient, fakeWindowApi } from '../../test/fake-window-api.ts';
import StepView from './StepView.svelte';

const markdown = [
  'Make a **pod** with <b>two</b> containers; read [the docs](https://kubernetes.io) or [this](javascript:alert(1)).',
  '',
  '```bash',
  'kubectl apply -f pod.yaml # create it',
  'kubectl get pods',
  '```',
  '',
  'Then look:',
  '',
  '```text',
  'NAME READY',
  '```',
].join('\n');

describe('StepView', () => {
  afterEach(() => {
    activeTerminal.sessionId = null;
    activeTerminal.node = null;
  });

  it('renders the Markdown safely: raw HTML as text, unsafe links dropped', () => {
    render(StepView, { client: delegatingClient(), markdown });
    const text = screen.getByTestId('step-text');
    expect(text.querySelector('strong')?.textContent).toBe('pod');
    expect(text.querySelector('b')).toBeNull();
    expect(text.textContent).toContain('<b>two</b>');
    const links = [...text.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://kubernetes.io']);
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
  });

  it('gives every code block Copy and Send to terminal, with shell highlighting', () => {
    render(StepView, { client: delegatingClient(), markdown });
    const blocks = screen.getAllByTestId('code-block');
    expect(blocks).toHaveLength(2);
    const shell = blocks[0]!;
    expect(shell.querySelector('.tok-command')?.textContent).toBe('kubectl');
    expect(shell.querySelector('.tok-comment')?.textContent).toBe('# create it');
    expect(blocks[1]!.querySelector('[class^="tok-"]')).toBeNull();
    for (const block of blocks) {
      expect(within(block).getByRole('button', { name: 'Copy code' })).toBeTruthy();
      expect(within(block).getByRole('button', { name: 'Send to terminal' })).toBeTruthy();
    }
  });

  it('sends a block line by line to the open terminal, Enter as carriage return', async () => {
    const write = vi.fn(() => Promise.resolve({ ok: true }));
    fakeWindowApi({ terminal: { write } });
    activeTerminal.sessionId = 's-1';
    activeTerminal.node = 'control-plane';
    render(StepView, { client: delegatingClient(), markdown });
    const block = screen.getAllByTestId('code-block')[0]!;
    await userEvent.click(within(block).getByTestId('send-to-terminal'));
    expect(write).toHaveBeenCalledWith({
      sessionId: 's-1',
      data: 'kubectl apply -f pod.yaml # create it\rkubectl get pods\r',
    });
    expect(within(block).getByRole('status').textContent).toBe('Sent to control-plane');
  });

  it('cannot send while no terminal is open', () => {
    render(StepView, { client: delegatingClient(), markdown });
    const send = screen.getAllByTestId('send-to-terminal')[0] as HTMLButtonElement;
    expect(send.disabled).toBe(true);
  });
});
