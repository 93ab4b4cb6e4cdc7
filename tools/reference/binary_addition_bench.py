#!/usr/bin/env python3
"""Times the tutorial's binary-addition workload and three float64 products in numpy.

The reference for tools/bench: the network below is the tutorial's own code
(iamtrask, "Deep Learning without Backpropagation", Part 4: Layer class,
sigmoid, delta `out - y`, SGD alpha 0.1, 1000 examples of 12-bit addition,
24 -> 128 -> 64 -> 12). Prints one JSON object on stdout, e.g.

    {"batch10_ms": 6.4, "batch100_ms": 2.9,
     "matmul_gflops": {"10x24x128": 5.1, "128x784x256": 60.2, "256x256x256": 80.4},
     "numpy": "2.4.6", ...}

Every figure is a median over repeated samples taken after warm-up.
"""

import argparse
import json
import os
import platform
import statistics
import time

import numpy as np


# --- the tutorial's code (dataset, nonlinearity, Layer) ------------------------------------


def generate_dataset(output_dim=8, num_examples=1000):
    def int2vec(x, dim=output_dim):
        out = np.zeros(dim)
        binrep = np.array(list(np.binary_repr(x))).astype('int')
        out[-len(binrep):] = binrep
        return out

    x_left_int = (np.random.rand(num_examples) * 2 ** (output_dim - 1)).astype('int')
    x_right_int = (np.random.rand(num_examples) * 2 ** (output_dim - 1)).astype('int')
    y_int = x_left_int + x_right_int

    x = list()
    for i in range(len(x_left_int)):
        x.append(np.concatenate((int2vec(x_left_int[i]), int2vec(x_right_int[i]))))

    y = list()
    for i in range(len(y_int)):
        y.append(int2vec(y_int[i]))

    x = np.array(x)
    y = np.array(y)

    return (x, y)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_out2deriv(out):
    return out * (1 - out)


class Layer(object):

    def __init__(self, input_dim, output_dim, nonlin, nonlin_deriv):

        self.weights = (np.random.randn(input_dim, output_dim) * 0.2) - 0.1
        self.nonlin = nonlin
        self.nonlin_deriv = nonlin_deriv

    def forward(self, input):
        self.input = input
        self.output = self.nonlin(self.input.dot(self.weights))
        return self.output

    def backward(self, output_delta):
        self.weight_output_delta = output_delta * self.nonlin_deriv(self.output)
        return self.weight_output_delta.dot(self.weights.T)

    def update(self, alpha=0.1):
        self.weights -= self.input.T.dot(self.weight_output_delta) * alpha


def train_epoch(x, y, batch_size, layer_1, layer_2, layer_3):
    # The tutorial's inner loop, minus its error bookkeeping (the TypeScript bench omits it too).
    for batch_i in range(int(len(x) / batch_size)):
        batch_x = x[(batch_i * batch_size):(batch_i + 1) * batch_size]
        batch_y = y[(batch_i * batch_size):(batch_i + 1) * batch_size]

        layer_1_out = layer_1.forward(batch_x)
        layer_2_out = layer_2.forward(layer_1_out)
        layer_3_out = layer_3.forward(layer_2_out)

        layer_3_delta = layer_3_out - batch_y
        layer_2_delta = layer_3.backward(layer_3_delta)
        layer_1_delta = layer_2.backward(layer_2_delta)
        layer_1.backward(layer_1_delta)

        layer_1.update()
        layer_2.update()
        layer_3.update()


# --- timing -----------------------------------------------------------------------------


def sample_seconds(fn, warmup, repetitions, inner=1):
    """Seconds per call of `fn`: one sample per repetition, each the mean over `inner` calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repetitions):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - start) / inner)
    return samples


def calibrate_inner(fn, min_sample_s):
    """How many calls make one sample last at least `min_sample_s` (tiny products take µs)."""
    inner = 1
    while True:
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        if time.perf_counter() - start >= min_sample_s or inner >= 1 << 20:
            return inner
        inner *= 2


def summary(samples, scale):
    values = sorted(s * scale for s in samples)
    return {'median': statistics.median(values), 'min': values[0], 'max': values[-1]}


def bench_tutorial(x, y, batch_size, warmup, repetitions, seed):
    np.random.seed(seed)
    input_dim, layer_1_dim, layer_2_dim, output_dim = len(x[0]), 128, 64, len(y[0])
    layer_1 = Layer(input_dim, layer_1_dim, sigmoid, sigmoid_out2deriv)
    layer_2 = Layer(layer_1_dim, layer_2_dim, sigmoid, sigmoid_out2deriv)
    layer_3 = Layer(layer_2_dim, output_dim, sigmoid, sigmoid_out2deriv)
    samples = sample_seconds(
        lambda: train_epoch(x, y, batch_size, layer_1, layer_2, layer_3), warmup, repetitions
    )
    return summary(samples, 1e3)


def bench_matmul(m, k, n, warmup, repetitions, min_sample_s, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((m, k))
    b = rng.standard_normal((k, n))
    out = np.empty((m, n))
    fn = lambda: np.dot(a, b, out=out)
    for _ in range(warmup):
        fn()
    inner = calibrate_inner(fn, min_sample_s)
    samples = sample_seconds(fn, 0, repetitions, inner)
    # GFLOP/s of one call: 2·m·k·n flops; the median time gives the median rate.
    flops = 2.0 * m * k * n
    times = summary(samples, 1.0)
    return {
        'median': flops / times['median'] / 1e9,
        'min': flops / times['max'] / 1e9,
        'max': flops / times['min'] / 1e9,
    }


MATMUL_SHAPES = [(10, 24, 128), (128, 784, 256), (256, 256, 256)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--epochs', type=int, default=30,
                        help='timed epochs per batch size (default 30)')
    parser.add_argument('--warmup-epochs', type=int, default=3,
                        help='untimed epochs first (default 3)')
    parser.add_argument('--matmul-reps', type=int, default=15,
                        help='timed samples per product shape (default 15)')
    parser.add_argument('--matmul-min-sample-ms', type=float, default=20.0,
                        help='repeat a product until one sample lasts this long (default 20)')
    parser.add_argument('--seed', type=int, default=1, help='np.random.seed, as in the tutorial')
    parser.add_argument('--quick', action='store_true',
                        help='few repetitions: --epochs 8 --warmup-epochs 1 --matmul-reps 5')
    args = parser.parse_args()
    if args.quick:
        args.epochs, args.warmup_epochs, args.matmul_reps = 8, 1, 5

    np.random.seed(args.seed)
    num_examples = 1000
    output_dim = 12
    x, y = generate_dataset(num_examples=num_examples, output_dim=output_dim)

    batch10 = bench_tutorial(x, y, 10, args.warmup_epochs, args.epochs, args.seed)
    batch100 = bench_tutorial(x, y, 100, args.warmup_epochs, args.epochs, args.seed)
    matmul = {
        f'{m}x{k}x{n}': bench_matmul(
            m, k, n, 3, args.matmul_reps, args.matmul_min_sample_ms / 1e3, args.seed
        )
        for (m, k, n) in MATMUL_SHAPES
    }

    result = {
        'batch10_ms': round(batch10['median'], 3),
        'batch100_ms': round(batch100['median'], 3),
        'matmul_gflops': {key: round(v['median'], 3) for key, v in matmul.items()},
        'numpy': np.__version__,
        'python': platform.python_version(),
        'epochs': args.epochs,
        # OpenBLAS reads this once, at import; numpy's default is one thread per core.
        'blas_threads': os.environ.get('OPENBLAS_NUM_THREADS', 'default'),
        'spread': {
            'batch10_ms': [round(batch10['min'], 3), round(batch10['max'], 3)],
            'batch100_ms': [round(batch100['min'], 3), round(batch100['max'], 3)],
            'matmul_gflops': {
                key: [round(v['min'], 3), round(v['max'], 3)] for key, v in matmul.items()
            },
        },
    }
    print(json.dumps(result))


if __name__ == '__main__':
    main()
