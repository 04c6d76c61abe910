import { describe, expect, it } from 'vitest';
import { validateLabName } from '../../lab/config.ts';
import { isLabName } from './lab-name.ts';
import { LabNameSchema } from './lab.ts';

const GOOD = ['default', 'a', 'e2e', 'lab-2', 'x'.repeat(32)];
const BAD = ['', '-a', 'a-', 'UPPER', 'a_b', 'a.b', 'x'.repeat(33), 'bad!'];

describe('the lab-name rule', () => {
  it('accepts DNS-label names of 1-32 characters', () => {
    for (const name of GOOD) expect(isLabName(name), name).toBe(true);
    for (const name of BAD) expect(isLabName(name), name).toBe(false);
  });

  // The schema and the lab config must agree with the rule, or a name the API accepts could be
  // refused when the lab is made (or the other way round).
  it('is the one the API schema and the lab config apply', () => {
    for (const name of [...GOOD, ...BAD]) {
      expect(LabNameSchema.safeParse(name).success, name).toBe(isLabName(name));
      const valid = ((): boolean => {
        try {
          return validateLabName(name) === name;
        } catch {
          return false;
        }
      })();
      expect(valid, name).toBe(isLabName(name));
    }
    expect(LabNameSchema.parse(undefined)).toBe('default');
  });
});
