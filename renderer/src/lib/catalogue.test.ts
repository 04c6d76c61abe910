import { describe, expect, it } from 'vitest';
import type { ScenarioView } from '../../../main/api/schemas/scenarios.ts';
import { catalogueEntries } from './catalogue.ts';

const scenario: ScenarioView = {
  id: 'vol',
  title: 'Volumes',
  summary: 's',
  level: 'beginner',
  minutes: 30,
  nodes: 1,
  origin: 'built-in',
  intro: null,
  finish: null,
  authoring: false,
  problems: [],
  steps: ['a', 'b', 'c'].map((id) => ({ id, title: id, markdown: '', hints: [], checks: [] })),
};

describe('catalogue entries', () => {
  it('counts only steps the scenario still has', () => {
    const [entry] = catalogueEntries([scenario], {
      vol: { passed: ['a', 'renamed-step'], hintsUsed: {} },
    });
    expect(entry).toMatchObject({ passed: 1, steps: 3, percent: 33, state: 'started' });
  });

  it('is new without progress and done with every step passed', () => {
    expect(catalogueEntries([scenario], {})[0]).toMatchObject({ percent: 0, state: 'new' });
    expect(
      catalogueEntries([scenario], { vol: { passed: ['c', 'b', 'a'], hintsUsed: {} } })[0],
    ).toMatchObject({ percent: 100, state: 'done' });
  });
});
