import type { Dataset } from 'synthgrad';
import { loadMnistSubset } from './loadMnistSubset.js';
import { MNIST_SUBSET_FILES } from './MnistSubset.js';

/** The bundled files (Vite emits each as an asset beside the page: no network beyond the site itself). */
const URLS: Record<string, URL> = {
  [MNIST_SUBSET_FILES.trainImages]: new URL('../../data/mnist/train-images-idx3-ubyte.gz', import.meta.url),
  [MNIST_SUBSET_FILES.trainLabels]: new URL('../../data/mnist/train-labels-idx1-ubyte.gz', import.meta.url),
  [MNIST_SUBSET_FILES.testImages]: new URL('../../data/mnist/t10k-images-idx3-ubyte.gz', import.meta.url),
  [MNIST_SUBSET_FILES.testLabels]: new URL('../../data/mnist/t10k-labels-idx1-ubyte.gz', import.meta.url),
};

let loaded: Promise<Dataset> | undefined;

/** The shipped MNIST subset, fetched once per worker from the site that serves the page. */
export function fetchMnistSubset(): Promise<Dataset> {
  loaded ??= loadMnistSubset(async (name) => {
    const response = await fetch(URLS[name]);
    if (!response.ok) throw new Error(`the MNIST subset's ${name} did not load (HTTP ${response.status} for ${URLS[name]})`);
    return new Uint8Array(await response.arrayBuffer());
  });
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
