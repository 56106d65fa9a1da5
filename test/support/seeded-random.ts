/**
 * A small seeded random source (mulberry32) for the simulator's `random` option, so fault, timing
 * and size draws repeat exactly from run to run in tests, soak runs and benchmarks.
 */

/** A repeatable random source in [0, 1): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
