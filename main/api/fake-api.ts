// For unit tests of the transports: a LabApi built from the contract's keys where every method
// fails loudly unless the test supplies it. (Mocks belong only in pure unit tests.)
import { labApiContract } from './contract.ts';
import type { LabApi } from './contract.ts';
import { LabError } from './errors.ts';

type Overrides = { [D in keyof LabApi]?: Partial<LabApi[D]> };

export function fakeApi(overrides: Overrides = {}): LabApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [domain, methods] of Object.entries(labApiContract)) {
    const given = (overrides as Record<string, Record<string, unknown> | undefined>)[domain] ?? {};
    api[domain] = {};
    for (const name of Object.keys(methods)) {
      api[domain][name] =
        given[name] ??
        (() =>
          Promise.reject(
            new LabError('NOT_IMPLEMENTED', `${domain}:${name} is not faked in this test`),
          ));
    }
  }
  return api as unknown as LabApi;
}
