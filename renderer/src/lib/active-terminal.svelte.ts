// The terminal session the learner is looking at: "Send to terminal" writes into it.
export const activeTerminal = $state<{ sessionId: string | null; node: string | null }>({
  sessionId: null,
  node: null,
});
