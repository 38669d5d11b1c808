// The seeded generator: reproducible, in range, and its shuffle is a permutation.
import fc from 'fast-check';
import { createRng, deriveSeed } from './rng';

describe('createRng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const draw = (seed: number): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws floats in [0, 1), integers in [0, n) and roughly standard normals', () => {
    const rng = createRng(1);
    let sum = 0;
    let sumSquares = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      const z = rng.normal();
      sum += z;
      sumSquares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(0.05);
  });

  it('shuffles into a permutation of the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 200 }), (seed, length) => {
        const values = Uint32Array.from({ length }, (_, i) => i);
        createRng(seed).shuffleInPlace(values);
        expect(Array.from(values).sort((a, b) => a - b)).toEqual(Array.from({ length }, (_, i) => i));
      }),
    );
  });

  it('derives distinct streams from one seed', () => {
    expect(deriveSeed(5, 0)).not.toBe(deriveSeed(5, 1));
    expect(deriveSeed(5, 0)).toBe(deriveSeed(5, 0));
  });
});
