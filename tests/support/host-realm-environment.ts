// Jest environment for tests that run ONNX models through onnxruntime-node (directly or via transformers.js).
// Jest evaluates test code in a vm context with its own Float32Array, BigInt64Array, …; the native ORT
// binding creates its output arrays in Node's main realm, so onnxruntime-common's
// `data instanceof Float32Array` check fails ("A float32 tensor's data must be type of function
// Float32Array()"). Jest already shares the host's ArrayBuffer and Uint8Array for the same reason;
// this shares the other typed-array constructors too. jest.config.js uses it for every test (a test stack
// runs the inference and sentiment services in-process).
import { TestEnvironment } from 'jest-environment-node';

const HOST_TYPED_ARRAYS = {
  Int8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

export default class HostRealmEnvironment extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    Object.assign(this.global, HOST_TYPED_ARRAYS);
  }
}
