// A scenario's regular expressions run against command output a learner controls, so a pattern
// that can backtrack exponentially would freeze the check. The classic shape is a quantified
// group that itself holds an unbounded quantifier — `(a+)+`, `(.*)*`, `(\w+\s?)*` — "star height"
// above one. The linter refuses those (this scan); at run time every match also has a time budget
// (checker/text.ts).
const UNBOUNDED = /^(?:[*+]|\{\d+,\})/;

/** Why the pattern may backtrack catastrophically, or null. */
export function nestedQuantifier(pattern: string): string | null {
  const stack: { start: number; unbounded: boolean }[] = [{ start: 0, unbounded: false }];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++; // an escape is one atom (\w, \., \d); its quantifier is checked below
    } else if (c === '[') {
      // a character class is one atom: skip to its closing bracket
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') {
        if (pattern[i] === '\\') i++;
        i++;
      }
    } else if (c === '(') {
      stack.push({ start: i, unbounded: false });
      continue;
    } else if (c === ')' && stack.length > 1) {
      const group = stack.pop()!;
      const quantifier = UNBOUNDED.exec(pattern.slice(i + 1));
      if (quantifier && group.unbounded) {
        return `the group ${pattern.slice(group.start, i + 1)}${quantifier[0]} repeats something that already repeats without bound; it can take exponential time on output that almost matches — write it without the nesting`;
      }
      stack.at(-1)!.unbounded ||= group.unbounded || quantifier !== null;
      continue;
    }
    if (UNBOUNDED.test(pattern.slice(i + 1))) stack.at(-1)!.unbounded = true;
  }
  return null;
}
