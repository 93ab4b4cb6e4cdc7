import { writeFile } from 'node:fs/promises';
import { exportOnnx, readModelSpec, type ExportOnnxOptions } from '@synthgrad/trainers';
import { readTrainerFolder } from '@synthgrad/trainers/node';

/**
 * Writes the dense network a self-describing folder holds as an ONNX model (see `exportOnnx`):
 * input `input` (N × inputSize), output `output` (N × labelSize), the same values as `loadModel`'s
 * `predict`. Returns the number of bytes written.
 *
 * @example
 * ```ts
 * await exportOnnxFile('models/adder', 'adder.onnx', { dtype: 'float32' });
 * // Python: onnxruntime.InferenceSession('adder.onnx').run(None, {'input': x})
 * ```
 */
export async function exportOnnxFile(folder: string, out: string, options: ExportOnnxOptions = {}): Promise<number> {
  const saved = await readTrainerFolder(folder);
  readModelSpec(saved.manifest, folder);
  const bytes = exportOnnx(saved, options);
  await writeFile(out, bytes);
  return bytes.length;
}
