import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { runningLabNames } from './running-labs.ts';

function container(lab: string | undefined, role: string, state: string): Docker.ContainerInfo {
  const Labels: Record<string, string> = { 'io.kubelab': 'true', 'io.kubelab.role': role };
  if (lab) Labels['io.kubelab.lab'] = lab;
  return { Labels, State: state } as unknown as Docker.ContainerInfo;
}

describe('running labs', () => {
  it('names each lab with a running node once, ignoring registries and stopped nodes', () => {
    expect(
      runningLabNames([
        container('net', 'node', 'running'),
        container('default', 'node', 'running'),
        container('default', 'node', 'running'),
        container('stopped', 'node', 'exited'),
        container('reg-only', 'registry', 'running'),
        container(undefined, 'node', 'running'),
      ]),
    ).toEqual(['default', 'net']);
  });
});
