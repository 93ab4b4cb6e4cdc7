import { resolve } from 'node:path';
import { exportOnnxFile } from 'synthgrad/node';
import { CliError } from './CliError.js';
import type { CliIo } from './CliIo.js';

export interface ExportOnnxOptions {
  /** `float32` (every ONNX runtime) or `float64`; default: the model's dtype. */
  readonly dtype?: string;
}

/**
 * `synthgrad export-onnx <model-folder> <out.onnx>`: writes the dense network a self-describing
 * folder holds as an ONNX model (input `input`, output `output`; `exportOnnx`). Returns the exit code.
 */
export async function exportOnnxCommand(modelFolder: string, out: string, options: ExportOnnxOptions, io: CliIo): Promise<number> {
  if (options.dtype !== undefined && options.dtype !== 'float32' && options.dtype !== 'float64') {
    throw new CliError(`export-onnx: --dtype "${options.dtype}": expected float32 or float64`);
  }
  if (!out.toLowerCase().endsWith('.onnx')) throw new CliError(`export-onnx: "${out}": the output file's name should end in .onnx`);
  const target = resolve(io.cwd, out);
  const bytes = await exportOnnxFile(resolve(io.cwd, modelFolder), target, options.dtype === undefined ? {} : { dtype: options.dtype }).catch(
    (error: NodeJS.ErrnoException) => {
      // A file system error (the output folder missing, not writable) is a bad input, not a bug.
      if (typeof error?.code === 'string') throw new CliError(`export-onnx: cannot write "${out}": ${error.message}`);
      throw error;
    },
  );
  io.out(`ONNX model (${bytes} bytes): ${target}`);
  return 0;
}
