/**
 * A tiny seeded PRNG (SplitMix32 over a 32-bit state) so a fuzz run is fully
 * determined by its seed on every runtime: no `Math.random`, no engine
 * differences, and a failing seed reproduces byte for byte.
 *
 * @example
 * ```ts
 * import { Prng } from "./prng.ts";
 * const r = new Prng(42);
 * r.int(6);            // 0..5
 * r.pick(["a", "b"]);  // "a" or "b"
 * ```
 * @module
 */

/** A deterministic pseudo-random generator seeded with a 32-bit integer. */
export class Prng {
  private state: number;

  /** Starts the sequence for `seed` (any integer; only the low 32 bits count). */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32 random bits as an unsigned integer. */
  next(): number {
    // SplitMix32 (the 32-bit variant of SplitMix64's finaliser): good spread, trivial to port.
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A uniform integer in `0..n-1` (`n` ≥ 1). */
  int(n: number): number {
    return this.next() % n;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() / 0x1_0000_0000 < p;
  }

  /** A uniformly chosen element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
}
