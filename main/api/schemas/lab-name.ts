// The rule for a lab's name, declared once: the API schemas, the lab config, the CLI's --lab and
// the renderer's ?lab= all check against it. Plain (no zod) so that the lab modules and the CLI
// can check a name without loading zod; the zod schema is LabNameSchema in ./lab.ts.

/** 1-32 lowercase letters, digits and dashes, not starting or ending with a dash (a DNS label). */
export const LAB_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;

/** What a learner is told when a name breaks the rule. */
export const LAB_NAME_RULE = 'lowercase letters, digits and dashes';

/** The lab every command and screen works on unless told otherwise. */
export const DEFAULT_LAB_NAME = 'default';

export function isLabName(name: string): boolean {
  return LAB_NAME_PATTERN.test(name);
}
