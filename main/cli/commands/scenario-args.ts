// Finding scenarios for the scenario verbs: by id under scenarios/ (or --scenarios-dir).
import { defaultScenariosRoot } from '../../scenarios/load.ts';

export { scenarioById } from '../../scenarios/by-id.ts';

export const scenariosDirOption = { 'scenarios-dir': { type: 'string' } } as const;

export function scenariosRoot(value: string | undefined): string {
  return value ?? defaultScenariosRoot();
}
