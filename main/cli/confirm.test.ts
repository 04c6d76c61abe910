import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirmDestructive } from './confirm.ts';

function terminal(answer: string | null): {
  input: PassThrough & { isTTY?: boolean };
  output: PassThrough;
  asked: () => string;
} {
  const input: PassThrough & { isTTY?: boolean } = new PassThrough();
  input.isTTY = answer !== null;
  const output = new PassThrough();
  let asked = '';
  output.on('data', (chunk: Buffer) => {
    asked += chunk.toString();
    if (answer !== null && asked.includes('[y/N]')) input.write(`${answer}\n`);
  });
  return { input, output, asked: () => asked };
}

describe('confirmDestructive', () => {
  it('--yes goes ahead without asking', async () => {
    const io = terminal(null);
    await expect(confirmDestructive('x', 'kubelab reset', true, io)).resolves.toBeUndefined();
    expect(io.asked()).toBe('');
  });

  it('without a terminal refuses with the command to run, instead of deleting unasked', async () => {
    await expect(
      confirmDestructive('every pod', 'kubelab reset --lab a', false, terminal(null)),
    ).rejects.toMatchObject({
      code: 'CONFIRMATION_NEEDED',
      fix: expect.stringContaining('kubelab reset --lab a --yes') as string,
    });
  });

  it('on a terminal names what goes, and only y/yes proceeds', async () => {
    const yes = terminal('y');
    await confirmDestructive('the files in /mnt', 'kubelab reset --data', false, yes);
    expect(yes.asked()).toContain('This removes the files in /mnt.');
    await expect(confirmDestructive('x', 'r', false, terminal('YES'))).resolves.toBeUndefined();
    await expect(confirmDestructive('x', 'r', false, terminal(''))).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    await expect(confirmDestructive('x', 'r', false, terminal('n'))).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
