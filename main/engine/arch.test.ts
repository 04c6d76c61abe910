import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { engineArch, nodeArchName } from './arch.ts';

describe('nodeArchName', () => {
  it("maps the kernel's names to Node's", () => {
    expect(nodeArchName('x86_64')).toBe('x64');
    expect(nodeArchName('aarch64')).toBe('arm64');
  });

  it('keeps a name it does not know', () => {
    expect(nodeArchName('mips64')).toBe('mips64');
  });
});

describe('engineArch', () => {
  it("answers with the engine's architecture, not the app's", async () => {
    const other = process.arch === 'arm64' ? 'x86_64' : 'aarch64';
    const client = { info: () => Promise.resolve({ Architecture: other }) } as unknown as Docker;
    expect(await engineArch(client)).toBe(nodeArchName(other));
  });

  it("falls back to the app's architecture when the engine does not say", async () => {
    const client = { info: () => Promise.resolve({}) } as unknown as Docker;
    expect(await engineArch(client)).toBe(process.arch);
  });
});
