#!/usr/bin/env python3
"""Times an MNIST-shaped MLP training step in numpy: the reference for tools/bench.

784 -> 256 -> 256 -> 10, ReLU hidden layers, linear output, delta `out - y`, biases, plain SGD,
batch 128, on random data (the timing does not depend on the values). The same ops as the bench's
TypeScript workload (tools/bench/src/mnistMlp.ts): products with transposed operands where
the gradient needs them, bias adds, ReLU and its backward, column sums, SGD updates.
Prints one JSON object on stdout, e.g.

    {"f64_s_per_10k": 0.26, "f32_s_per_10k": 0.14, "numpy": "2.4.6", ...}

Every figure is a median over repeated samples taken after warm-up.
"""

import argparse
import json
import os
import platform
import statistics
import time

import numpy as np

SIZES = (784, 256, 256, 10)
BATCH = 128
EXAMPLES = 10_000
LR = 1e-3


def make_network(dtype, rng):
    weights = [(rng.standard_normal((SIZES[i], SIZES[i + 1])) * 0.05).astype(dtype) for i in range(3)]
    biases = [np.zeros(SIZES[i + 1], dtype=dtype) for i in range(3)]
    return weights, biases


def train_step(x, y, weights, biases):
    w1, w2, w3 = weights
    b1, b2, b3 = biases
    h1 = np.maximum(x @ w1 + b1, 0)
    h2 = np.maximum(h1 @ w2 + b2, 0)
    out = h2 @ w3 + b3
    d3 = out - y
    d2 = (d3 @ w3.T) * (h2 > 0)
    d1 = (d2 @ w2.T) * (h1 > 0)
    w3 -= LR * (h2.T @ d3)
    b3 -= LR * d3.sum(axis=0)
    w2 -= LR * (h1.T @ d2)
    b2 -= LR * d2.sum(axis=0)
    w1 -= LR * (x.T @ d1)
    b1 -= LR * d1.sum(axis=0)


def bench(dtype, steps, warmup, repetitions, seed):
    rng = np.random.default_rng(seed)
    weights, biases = make_network(dtype, rng)
    xs = [rng.random((BATCH, SIZES[0])).astype(dtype) for _ in range(4)]
    ys = [np.eye(SIZES[-1], dtype=dtype)[rng.integers(0, SIZES[-1], BATCH)] for _ in range(4)]

    def run():
        for s in range(steps):
            train_step(xs[s % 4], ys[s % 4], weights, biases)

    for _ in range(warmup):
        run()
    samples = []
    for _ in range(repetitions):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) / steps * (EXAMPLES / BATCH))
    samples.sort()
    return {'median': statistics.median(samples), 'min': samples[0], 'max': samples[-1]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--steps', type=int, default=10, help='training steps per sample (default 10)')
    parser.add_argument('--repetitions', type=int, default=15, help='timed samples (default 15)')
    parser.add_argument('--warmup', type=int, default=2, help='untimed samples first (default 2)')
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--quick', action='store_true', help='--repetitions 5 --warmup 1')
    args = parser.parse_args()
    if args.quick:
        args.repetitions, args.warmup = 5, 1

    f64 = bench(np.float64, args.steps, args.warmup, args.repetitions, args.seed)
    f32 = bench(np.float32, args.steps, args.warmup, args.repetitions, args.seed)
    print(json.dumps({
        'f64_s_per_10k': round(f64['median'], 4),
        'f32_s_per_10k': round(f32['median'], 4),
        'spread': {'f64': [round(f64['min'], 4), round(f64['max'], 4)],
                   'f32': [round(f32['min'], 4), round(f32['max'], 4)]},
        'batch': BATCH, 'sizes': SIZES,
        'numpy': np.__version__,
        'python': platform.python_version(),
        'blas_threads': os.environ.get('OPENBLAS_NUM_THREADS', 'default'),
    }))


if __name__ == '__main__':
    main()
