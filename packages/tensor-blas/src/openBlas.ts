import koffi from 'koffi';

/** `cblas_dgemm` (row-major), as this package calls it. */
export type Dgemm = (
  order: number, transA: number, transB: number,
  m: number, n: number, k: number,
  alpha: number, a: Float64Array, lda: number,
  b: Float64Array, ldb: number,
  beta: number, c: Float64Array, ldc: number,
) => void;

/** What to install when the library is missing. */
export const OPENBLAS_INSTALL_HINT =
  'install OpenBLAS: `apt-get install libopenblas0-pthread` (Debian, Ubuntu), `dnf install openblas` (Fedora), `brew install openblas` (macOS)';

const LIBRARY = 'libopenblas.so.0';
let loaded: Dgemm | undefined;

/**
 * `cblas_dgemm` of the system's OpenBLAS (`libopenblas.so.0`), single-threaded (the callers
 * share the machine's cores with their own threads), loaded once.
 */
export function openBlasDgemm(library: string = LIBRARY): Dgemm {
  if (library === LIBRARY && loaded !== undefined) return loaded;
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(library);
  } catch (error) {
    throw new Error(`@synthgrad/tensor-blas: cannot load ${library}: ${(error as Error).message}; ${OPENBLAS_INSTALL_HINT}`);
  }
  lib.func('void openblas_set_num_threads(int)')(1);
  const dgemm = lib.func(
    'void cblas_dgemm(int, int, int, int, int, int, double, const double *, int, const double *, int, double, double *, int)',
  ) as Dgemm;
  if (library === LIBRARY) loaded = dgemm;
  return dgemm;
}
