// Which kind of start the lab's state and its node containers call for.
import { describe, expect, it } from 'vitest';
import { labConfig } from '../config.ts';
import { startKind } from './preflight.ts';

const three = labConfig('t', 3);
const all = new Set(['control-plane', 'worker1', 'worker2']);
const done = { bootstrapped: true };

describe('startKind', () => {
  it('is cold for a new lab', () => {
    expect(startKind(null, new Set(), three)).toBe('cold');
  });

  it('is cold for a lab that never finished starting, even with every container there', () => {
    expect(startKind({ bootstrapped: false }, all, three)).toBe('cold');
  });

  it('is cold for a bootstrapped lab that lost its control-plane container', () => {
    expect(startKind(done, new Set(['worker1', 'worker2']), three)).toBe('cold');
  });

  it('is warm when every wanted node container is there and nothing else', () => {
    expect(startKind(done, all, three)).toBe('warm');
    // Suspended: every node paused; one paused and the others stopped is a warm start.
    expect(startKind(done, all, three, all)).toBe('resume');
    expect(startKind(done, all, three, new Set(['worker1']))).toBe('warm');
  });

  it('is a repair when a worker container is gone', () => {
    expect(startKind(done, new Set(['control-plane', 'worker2']), three)).toBe('repair');
  });

  it('is a repair when --nodes asks for fewer nodes than there are', () => {
    expect(startKind(done, all, labConfig('t', 1))).toBe('repair');
  });

  it('is a repair when --nodes asks for more nodes than there are', () => {
    expect(startKind(done, new Set(['control-plane']), three)).toBe('repair');
  });
});
