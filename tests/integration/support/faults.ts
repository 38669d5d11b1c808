// Fault injection for integration tests: named steps that fail their next N calls, then behave.
export function faults<Step extends string>(steps: readonly Step[]) {
  const failing = Object.fromEntries(steps.map((s) => [s, 0])) as Record<Step, number>;
  /** Throws `<step> failed (injected)` while `failing[step]` > 0, counting it down. */
  function failIfAsked(step: Step): void {
    if (failing[step] > 0) {
      failing[step] -= 1;
      throw new Error(`${step} failed (injected)`);
    }
  }
  return { failing, failIfAsked };
}
