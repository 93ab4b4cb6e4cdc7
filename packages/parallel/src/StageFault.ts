/** Something went wrong in stage `stage` (a throw, a wait that timed out, a thread that died). */
export class StageFault extends Error {
  override readonly name = 'StageFault';

  constructor(
    readonly stage: number,
    message: string,
  ) {
    super(message);
  }
}
