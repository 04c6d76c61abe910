// The terminal session the learner is looking at: "Send to terminal" writes into it.
// `commands` counts Enter presses in any node shell: the check panel re-checks shortly after
// the learner runs something, instead of waiting for its next quiet round.
export const activeTerminal = $state<{
  sessionId: string | null;
  node: string | null;
  commands: number;
}>({
  sessionId: null,
  node: null,
  commands: 0,
});
