import { SynthgradError } from '@synthgrad/core';

/** Bytes or JSON being read are not in the expected format; the message says what was wrong where. */
export class FormatError extends SynthgradError {
  override name = 'FormatError';
}
