import type { Rng } from '@synthgrad/tensor';
import type { BenchBackend } from './benchBackends.js';
import { isSkipped, skipped, type CaseResult } from './CaseResult.js';
import { formatNumber, formatRange, formatTable } from './formatTable.js';
import { benchMatmul, MATMUL_SHAPES, matmulKey, matmulLabel, type Rate } from './matmulCase.js';
import type { NumpyReference } from './numpyReference.js';

/** GFLOP/s by backend name, then by {@link matmulKey}. */
export type MatmulResults = ReadonlyMap<string, ReadonlyMap<string, CaseResult<Rate>>>;

/** Times every backend's matmul on its shapes, then tabulates them beside numpy's. */
export function runMatmulSection(
  backends: readonly BenchBackend[],
  numpy: NumpyReference | undefined,
  rng: Rng,
): { readonly results: MatmulResults; readonly table: string } {
  const results = new Map<string, Map<string, CaseResult<Rate>>>();
  for (const { backend, matmulShapes, matmul } of backends) {
    const byShape = new Map<string, CaseResult<Rate>>();
    for (const shape of MATMUL_SHAPES) {
      byShape.set(
        matmulKey(shape),
        matmulShapes.includes(shape)
          ? benchMatmul(backend, shape, rng, matmul)
          : skipped('not run'),
      );
    }
    results.set(backend.name, byShape);
  }

  const names = backends.map(({ backend }) => backend.name);
  const header = ['product', ...names, 'numpy', ...names.map((n) => `${n}/numpy`)];
  const rows = MATMUL_SHAPES.map((shape) => {
    const key = matmulKey(shape);
    const reference = numpy?.matmul_gflops[key];
    const measured = names.map((n) => results.get(n)?.get(key) ?? skipped<Rate>('not run'));
    return [
      matmulLabel(shape),
      ...measured.map((r) =>
        isSkipped(r) ? r.skipped : `${formatNumber(r.value.median)} ${formatRange(r.value.min, r.value.max)}`,
      ),
      reference === undefined ? '—' : formatNumber(reference),
      ...measured.map((r) =>
        isSkipped(r) || reference === undefined ? '—' : formatNumber(r.value.median / reference),
      ),
    ];
  });
  return { results, table: formatTable(header, rows, ['l']) };
}
