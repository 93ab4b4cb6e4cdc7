#!/usr/bin/env python3
"""Reference fixtures for @synthgrad/trainers, written in numpy in the tutorial's own style.

From fixed data and initial weights, runs
  1. the tutorial's backprop baseline (its Layer class, verbatim maths: sigmoid, delta out - y,
     W -= alpha * input.T.dot(delta)) for several steps;
  2. DNI steps with correct descent (the tutorial's DNI class updates with +=, which is ascent),
     the generator's gradient sent down computed before the layer's update, generator
     g = features.W_g + b_g trained toward the gradient from above with
     W_g -= alpha * features.T.dot(g - target), b_g -= alpha * sum(g - target);
     once with generator input = layer output and a generator on the last layer (the tutorial),
     once with generator input = labels and the last layer on the true loss gradient (the paper).

Writes packages/trainers/test/fixtures/tutorial-reference.json. The tests compare synthgrad's weights
after the same steps with these to 1e-9; they never run python.

Usage: python3 tools/reference/tutorial_fixtures.py
"""
import json
import os

import numpy as np

ALPHA = 0.1
BITS = 12
EXAMPLES = 40
BATCH = 10


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_out2deriv(out):
    return out * (1 - out)


def generate_dataset(output_dim=BITS, num_examples=EXAMPLES):
    # The tutorial's generator: two integers below 2^(bits-1), most significant bit first.
    def int2vec(x, dim=output_dim):
        out = np.zeros(dim)
        binrep = np.array(list(np.binary_repr(x))).astype("int")
        out[-len(binrep):] = binrep
        return out

    x_left_int = (np.random.rand(num_examples) * 2 ** (output_dim - 1)).astype("int")
    x_right_int = (np.random.rand(num_examples) * 2 ** (output_dim - 1)).astype("int")
    y_int = x_left_int + x_right_int
    x = [np.concatenate((int2vec(a), int2vec(b))) for a, b in zip(x_left_int, x_right_int)]
    y = [int2vec(s) for s in y_int]
    return np.array(x), np.array(y)


class Layer(object):
    def __init__(self, weights):
        self.weights = weights.copy()

    def forward(self, input):
        self.input = input
        self.output = sigmoid(self.input.dot(self.weights))
        return self.output

    def backward(self, output_delta):
        self.weight_output_delta = output_delta * sigmoid_out2deriv(self.output)
        return self.weight_output_delta.dot(self.weights.T)

    def update(self, alpha=ALPHA):
        self.weights -= self.input.T.dot(self.weight_output_delta) * alpha


class Generator(object):
    def __init__(self, weights, bias):
        self.weights = weights.copy()
        self.bias = bias.copy()

    def predict(self, features):
        self.features = features
        self.prediction = features.dot(self.weights) + self.bias
        return self.prediction

    def update(self, target, alpha=ALPHA):
        delta = self.prediction - target
        self.weights -= self.features.T.dot(delta) * alpha
        self.bias -= delta.sum(axis=0, keepdims=True) * alpha


def init(rows, cols):
    return (np.random.randn(rows, cols) * 0.2) - 0.1


def batches(x, y, steps):
    n = len(x) // BATCH
    for step in range(steps):
        i = step % n
        yield x[i * BATCH:(i + 1) * BATCH], y[i * BATCH:(i + 1) * BATCH]


def backprop_case(x, y, weights, steps):
    layers = [Layer(w) for w in weights]
    for bx, by in batches(x, y, steps):
        h = bx
        for layer in layers:
            h = layer.forward(h)
        delta = h - by
        for layer in reversed(layers):
            delta = layer.backward(delta)
        for layer in layers:
            layer.update()
    return [layer.weights for layer in layers]


def dni_case(x, y, weights, generators, steps, generator_input, last_layer):
    layers = [Layer(w) for w in weights]
    gens = [Generator(w, b) for w, b in generators]
    last = len(layers) - 1
    for bx, by in batches(x, y, steps):
        h_prev = bx
        for i, layer in enumerate(layers):
            h = layer.forward(h_prev)
            loss_grad = h - by if i == last else None
            if i == last and last_layer == "true-gradient":
                grad = loss_grad
            else:
                features = h if generator_input == "layer-output" else by
                grad = gens[i].predict(features)
            sent_down = layer.backward(grad)
            layer.update()
            if i > 0:
                gens[i - 1].update(sent_down)
            if i == last and last_layer == "synthetic":
                gens[i].update(loss_grad)
            h_prev = h
    return [l.weights for l in layers], [(g.weights, g.bias) for g in gens]


def as_json(m):
    m = np.atleast_2d(m)
    return {"rows": int(m.shape[0]), "cols": int(m.shape[1]), "data": [float(v) for v in m.ravel()]}


def main():
    np.random.seed(1)
    x, y = generate_dataset()
    backprop_sizes = [(24, 128), (128, 64), (64, 12)]
    backprop_weights = [init(r, c) for r, c in backprop_sizes]
    backprop_steps = 8
    backprop_final = backprop_case(x, y, backprop_weights, backprop_steps)

    dni_sizes = [(24, 16), (16, 8), (8, 12)]
    cases = []
    for generator_input, last_layer in [("layer-output", "synthetic"), ("labels", "true-gradient")]:
        weights = [init(r, c) for r, c in dni_sizes]
        count = len(dni_sizes) if last_layer == "synthetic" else len(dni_sizes) - 1
        generators = []
        for i in range(count):
            width = dni_sizes[i][1]
            in_width = width if generator_input == "layer-output" else BITS
            generators.append((init(in_width, width), np.random.randn(1, width) * 0.01))
        steps = 8
        final_w, final_g = dni_case(x, y, weights, generators, steps, generator_input, last_layer)
        cases.append({
            "generatorInput": generator_input,
            "lastLayer": last_layer,
            "steps": steps,
            "initial": {"layers": [as_json(w) for w in weights],
                        "generators": [{"weights": as_json(w), "bias": as_json(b)} for w, b in generators]},
            "final": {"layers": [as_json(w) for w in final_w],
                      "generators": [{"weights": as_json(w), "bias": as_json(b)} for w, b in final_g]},
        })

    fixture = {
        "about": "written by tools/reference/tutorial_fixtures.py (numpy %s); do not edit" % np.__version__,
        "learningRate": ALPHA,
        "batchSize": BATCH,
        "inputs": as_json(x),
        "labels": as_json(y),
        "backprop": {
            "steps": backprop_steps,
            "initial": [as_json(w) for w in backprop_weights],
            "final": [as_json(w) for w in backprop_final],
        },
        "dni": cases,
    }
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = os.path.join(root, "packages", "trainers", "test", "fixtures", "tutorial-reference.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(fixture, f)
    print("wrote", out)


if __name__ == "__main__":
    main()
