/** Runs a generator of steps (work that yields between slices, see `checkTextSteps`, `simulateSteps`) to its end. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many items a long loop handles between two yields (about a millisecond of work). */
export const ITEMS_PER_STEP = 64;
