/**
 * What a module's forward pass needs to know about the step it runs in.
 *
 * `slot` picks the workspace slot the forward writes its buffers into (default 0): a pullback stays
 * valid until the same module runs forward again *in the same slot*. A module applied several times
 * before its pullbacks run (a recurrent cell unrolled over T steps) gives each application its own
 * slot, 0 … T − 1; everything else can leave it out.
 *
 * @example
 * ```ts
 * const { y, pullback } = module.forward(x, StepContext.training);
 * const steps = [0, 1, 2].map((t) => StepContext.at(t));   // made once, reused every window
 * ```
 */
export interface StepContext {
  /** Training mode: batch statistics in batch norm (and their running averages updated). */
  readonly training: boolean;
  /** Workspace slot of this forward (a non-negative integer, default 0). */
  readonly slot?: number;
}

const training: StepContext = Object.freeze({ training: true });
const evaluation: StepContext = Object.freeze({ training: false });

/** Ready-made contexts (frozen, so a step allocates none). */
export const StepContext = {
  /** Training mode, slot 0. */
  training,
  /** Evaluation mode, slot 0. */
  evaluation,
  /** A context for `slot` (training mode unless told): make it once, not per step. */
  at(slot: number, isTraining = true): StepContext {
    if (!Number.isInteger(slot) || slot < 0) throw new RangeError(`StepContext.at: slot must be a non-negative integer, got ${slot}`);
    return Object.freeze({ training: isTraining, slot });
  },
} as const;
