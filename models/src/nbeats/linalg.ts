// Dense-layer kernels over row-major Float64Array: the forward product, its two backward products and
// ReLU. They are the whole cost of training, so they are plain loops with the innermost index walking
// contiguous memory. Shapes: a batch is [rows, inSize]; a weight matrix is [inSize, outSize] (the
// same orientation as the ONNX MatMul the exporter writes, so weights export without a transpose).
//
// Indexing uses `!`: every index is bounded by the loop limits and the sizes the callers allocate
// (checked once by the model layout), and `noUncheckedIndexedAccess` cannot see that.

/** A dense layer's parameters as views into the model's flat parameter (or gradient) vector. */
export interface DenseView {
  readonly inSize: number;
  readonly outSize: number;
  /** [inSize, outSize], row-major. */
  readonly weight: Float64Array;
  /** [outSize]. */
  readonly bias: Float64Array;
}

// The three products work on four rows at a time where they can: each weight loaded from memory is
// then used four times, which roughly doubles throughput in V8 (measured: ~0.8 → ~1.5 GMAC/s). The
// leftover rows (rows mod 4) take the one-row loops. Per output element the additions happen in the
// same order either way, so the result does not depend on where a row falls.

/** out[r, :] = bias + x[r, :] · W for r < rows. */
export function denseForward(x: Float64Array, rows: number, layer: DenseView, out: Float64Array): void {
  const { inSize, outSize, weight, bias } = layer;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const o0 = r * outSize;
    const o1 = o0 + outSize;
    const o2 = o1 + outSize;
    const o3 = o2 + outSize;
    for (let j = 0; j < outSize; j++) {
      const b = bias[j]!;
      out[o0 + j] = b;
      out[o1 + j] = b;
      out[o2 + j] = b;
      out[o3 + j] = b;
    }
    const x0 = r * inSize;
    for (let k = 0; k < inSize; k++) {
      const a0 = x[x0 + k]!;
      const a1 = x[x0 + inSize + k]!;
      const a2 = x[x0 + 2 * inSize + k]!;
      const a3 = x[x0 + 3 * inSize + k]!;
      // After a ReLU many inputs are exactly zero; skip the weight row when all four are.
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const w = k * outSize;
      for (let j = 0; j < outSize; j++) {
        const wkj = weight[w + j]!;
        out[o0 + j] = out[o0 + j]! + a0 * wkj;
        out[o1 + j] = out[o1 + j]! + a1 * wkj;
        out[o2 + j] = out[o2 + j]! + a2 * wkj;
        out[o3 + j] = out[o3 + j]! + a3 * wkj;
      }
    }
  }
  for (; r < rows; r++) {
    const o = r * outSize;
    const x0 = r * inSize;
    for (let j = 0; j < outSize; j++) out[o + j] = bias[j]!;
    for (let k = 0; k < inSize; k++) {
      const a = x[x0 + k]!;
      if (a === 0) continue;
      const w = k * outSize;
      for (let j = 0; j < outSize; j++) out[o + j] = out[o + j]! + a * weight[w + j]!;
    }
  }
}

/**
 * Accumulates the parameter gradients of a dense layer: dW += xᵀ · dOut, dBias += Σ_rows dOut.
 * `grad` views the gradient vector at the same offsets as the layer's parameters.
 */
export function denseBackwardParams(x: Float64Array, dOut: Float64Array, rows: number, grad: DenseView): void {
  const { inSize, outSize, weight: dWeight, bias: dBias } = grad;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const d0 = r * outSize;
    const d1 = d0 + outSize;
    const d2 = d1 + outSize;
    const d3 = d2 + outSize;
    for (let j = 0; j < outSize; j++) dBias[j] = dBias[j]! + dOut[d0 + j]! + dOut[d1 + j]! + dOut[d2 + j]! + dOut[d3 + j]!;
    const x0 = r * inSize;
    for (let k = 0; k < inSize; k++) {
      const a0 = x[x0 + k]!;
      const a1 = x[x0 + inSize + k]!;
      const a2 = x[x0 + 2 * inSize + k]!;
      const a3 = x[x0 + 3 * inSize + k]!;
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const w = k * outSize;
      for (let j = 0; j < outSize; j++) {
        dWeight[w + j] = dWeight[w + j]! + a0 * dOut[d0 + j]! + a1 * dOut[d1 + j]! + a2 * dOut[d2 + j]! + a3 * dOut[d3 + j]!;
      }
    }
  }
  for (; r < rows; r++) {
    const d = r * outSize;
    const x0 = r * inSize;
    for (let j = 0; j < outSize; j++) dBias[j] = dBias[j]! + dOut[d + j]!;
    for (let k = 0; k < inSize; k++) {
      const a = x[x0 + k]!;
      if (a === 0) continue;
      const w = k * outSize;
      for (let j = 0; j < outSize; j++) dWeight[w + j] = dWeight[w + j]! + a * dOut[d + j]!;
    }
  }
}

/**
 * The gradient with respect to the layer input: dX = dOut · Wᵀ. With `accumulate` it is added to
 * dX (a layer input that feeds two heads sums both heads' gradients), otherwise it overwrites dX.
 */
export function denseBackwardInput(dOut: Float64Array, rows: number, layer: DenseView, dX: Float64Array, accumulate: boolean): void {
  const { inSize, outSize, weight } = layer;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const d0 = r * outSize;
    const d1 = d0 + outSize;
    const d2 = d1 + outSize;
    const d3 = d2 + outSize;
    const x0 = r * inSize;
    const x1 = x0 + inSize;
    const x2 = x1 + inSize;
    const x3 = x2 + inSize;
    for (let k = 0; k < inSize; k++) {
      const w = k * outSize;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < outSize; j++) {
        const wkj = weight[w + j]!;
        s0 += dOut[d0 + j]! * wkj;
        s1 += dOut[d1 + j]! * wkj;
        s2 += dOut[d2 + j]! * wkj;
        s3 += dOut[d3 + j]! * wkj;
      }
      if (accumulate) {
        dX[x0 + k] = dX[x0 + k]! + s0;
        dX[x1 + k] = dX[x1 + k]! + s1;
        dX[x2 + k] = dX[x2 + k]! + s2;
        dX[x3 + k] = dX[x3 + k]! + s3;
      } else {
        dX[x0 + k] = s0;
        dX[x1 + k] = s1;
        dX[x2 + k] = s2;
        dX[x3 + k] = s3;
      }
    }
  }
  for (; r < rows; r++) {
    const d = r * outSize;
    const x0 = r * inSize;
    for (let k = 0; k < inSize; k++) {
      const w = k * outSize;
      let sum = 0;
      for (let j = 0; j < outSize; j++) sum += dOut[d + j]! * weight[w + j]!;
      dX[x0 + k] = accumulate ? dX[x0 + k]! + sum : sum;
    }
  }
}

/** ReLU in place over the first `count` values. */
export function reluInPlace(values: Float64Array, count: number): void {
  for (let i = 0; i < count; i++) if (values[i]! < 0) values[i] = 0;
}

/**
 * Back through a ReLU in place: zeroes the gradient wherever the activation was clipped. `activation`
 * is the ReLU output, so "was clipped" is `activation === 0` (the derivative at exactly 0 is taken as 0).
 */
export function reluBackwardInPlace(grad: Float64Array, activation: Float64Array, count: number): void {
  for (let i = 0; i < count; i++) if (activation[i]! <= 0) grad[i] = 0;
}
