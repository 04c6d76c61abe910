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

  it('gives every code block Copy, commands Send to terminal, with shell highlighting', () => {
    render(StepView, { client: delegatingClient(), markdown });
    const blocks = screen.getAllByTestId('code-block');
    expect(blocks).toHaveLength(2);
    const shell = blocks[0]!;
    expect(shell.querySelector('.tok-command')?.textContent).toBe('kubectl');
    expect(shell.querySelector('.tok-comment')?.textContent).toBe('# create it');
    expect(blocks[1]!.querySelector('[class^="tok-"]')).toBeNull();
    for (const block of blocks) {
      expect(within(block).getByRole('button', { name: 'Copy code' })).toBeTruthy();
    }
    // An output sample is for reading: typing it into a shell would only fail.
    expect(within(shell).getByRole('button', { name: 'Send to terminal' })).toBeTruthy();
    expect(within(blocks[1]!).queryByRole('button', { name: 'Send to terminal' })).toBeNull();
    expect(blocks.map((block) => block.dataset.kind)).toEqual(['command', 'output']);
  });

  const live = [
    'The pod runs at {{pod:app=web.ip}} on {{pod:app=web.node}}.',
    '',
    '```bash',
    'curl http://{{pod:app=web.ip}}:{{service:web.nodePort}}/',
    '```',
  ].join('\n');

  it('shows live values from the lab, marked, and sends them as plain text', async () => {
    const write = vi.fn(() => Promise.resolve({ ok: true }));
    fakeWindowApi({ terminal: { write } });
    activeTerminal.sessionId = 's-1';
    const values = {
      '{{pod:app=web.ip}}': { value: '10.0.2.7' },
      '{{pod:app=web.node}}': { value: 'worker1' },
      '{{service:web.nodePort}}': { value: '30080' },
    };
    render(StepView, { client: delegatingClient(), markdown: live, values });
    const text = screen.getByTestId('step-text');
    expect(text.querySelector('p')?.textContent).toBe('The pod runs at 10.0.2.7 on worker1.');
    expect([...text.querySelectorAll('.live-value')].map((span) => span.textContent)).toEqual([
      '10.0.2.7',
      'worker1',
      '10.0.2.7',
      '30080',
    ]);
    await userEvent.click(screen.getByTestId('send-to-terminal'));
    expect(write).toHaveBeenCalledWith({ sessionId: 's-1', data: 'curl http://10.0.2.7:30080/\r' });
  });

  it('says what a command waits for, and will not send it, while a value is missing', () => {
    activeTerminal.sessionId = 's-1';
    const values = {
      '{{pod:app=web.ip}}': { missing: 'a pod labelled app=web does not exist' },
      '{{service:web.nodePort}}': { value: '30080' },
    };
    render(StepView, { client: delegatingClient(), markdown: live, values });
    const send = screen.getByTestId<HTMLButtonElement>('send-to-terminal');
    expect(send.disabled).toBe(true);
    expect(screen.getByTestId('waiting-for').textContent).toBe('waiting for pod app=web IP');
    expect(screen.getByTestId('step-text').querySelector('p')?.textContent).toBe(
      'The pod runs at ‹pod app=web IP› on ‹pod app=web node›.',
    );
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
