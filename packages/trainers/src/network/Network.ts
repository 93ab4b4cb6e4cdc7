import { collectState, type FeatureShape, type Layer, type Loss, type Parameter } from '@synthgrad/layers';
import type { Matrix } from '@synthgrad/tensor';
import { backwardParametersOf } from './backwardParametersOf.js';

/** A feed-forward stack of layers and the loss it trains on. */
export class Network {
  /** Each layer's input and output feature shapes, as its kind declared them (`[width]` when not given). */
  readonly shapes: readonly { readonly input: FeatureShape; readonly output: FeatureShape }[];

  constructor(
    readonly layers: readonly Layer[],
    readonly loss: Loss,
    shapes?: readonly { readonly input: FeatureShape; readonly output: FeatureShape }[],
  ) {
    this.shapes = shapes ?? layers.map((layer) => ({ input: [layer.inputSize], output: [layer.outputSize] }));
  }

  forward(inputs: Matrix, training: boolean): Matrix {
    let h = inputs;
    for (const layer of this.layers) h = layer.forward(h, training);
    return h;
  }

  /**
   * Back-propagates `gradOutput` through every layer, storing parameter gradients. dL/d(inputs) is
   * not computed: nobody reads it, and the first layer's is its largest product (inputs × units).
   */
  backward(gradOutput: Matrix): void {
    let g = gradOutput;
    for (let i = this.layers.length - 1; i > 0; i--) g = this.layers[i].backward(g);
    backwardParametersOf(this.layers[0], g);
  }

  update(learningRate: number): void {
    for (const layer of this.layers) layer.update(learningRate);
  }

  /** Every layer's state ({@link Layer.state}), named `layer<i>.<name>`. */
  state(): Record<string, Matrix> {
    return collectState(this.layers.map((layer, i) => [`layer${i}`, layer.state()] as const));
  }

  /** Every parameter, named `layer<i>.<name>`. */
  parameters(): Parameter[] {
    return this.layers.flatMap((layer, i) =>
      layer.parameters().map((p) => ({ name: `layer${i}.${p.name}`, value: p.value, grad: p.grad })),
    );
  }
}
