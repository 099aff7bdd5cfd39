/**
 * Writes the C implementation of a fuzz batch: every import records the
 * parameter bits it received into guest memory (through the generated
 * header's `hostbind_guest_ptr`, so that helper and `ctx->memory` are
 * exercised on every call) and computes its results by the formula of
 * `formula.ts`. The graffiti constants come from `formula.ts`, so only the
 * structure of the formula is written twice (here and in TypeScript).
 *
 * @example
 * ```ts
 * import { cImplementation } from "./c_impl.ts";
 * const c = cImplementation(sigs, "fz.h"); // compile with -shared -fPIC
 * ```
 * @module
 */
import type { ValueType } from "../../src/ir/types.ts";
import { derivation, seenTag } from "./formula.ts";
import { cPrototype, describe, fieldName, type FuzzSignature } from "./signature.ts";

/** Where in guest memory the native side writes the tag and the parameter bits it saw. */
export const SEEN_OFFSET = 1024;

const PRELUDE = `#include <stdint.h>
#include <string.h>

#define SEEN_OFFSET ${SEEN_OFFSET}u

/* Records what this call received: a tag naming the import, then each parameter's raw bits. */
static inline void seen(hostbind_ctx *ctx, uint64_t tag, const uint64_t *bits, uint32_t n) {
  uint8_t *p = (uint8_t *)hostbind_guest_ptr(ctx, SEEN_OFFSET, 8u * (n + 1u));
  if (p == NULL) return;
  memcpy(p, &tag, 8);
  if (n != 0) memcpy(p + 8, bits, 8u * n);
}

static inline uint64_t bits_f32(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static inline uint64_t bits_f64(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }
/* NaNs canonicalised: JS may rewrite NaN payloads, so they must not leak into integer results. */
static inline uint64_t canon_f32(float x) { return x != x ? 0x7fc00000u : bits_f32(x); }
static inline uint64_t canon_f64(double x) { return x != x ? 0x7ff8000000000000u : bits_f64(x); }
static inline float f32_of(uint64_t b) { uint32_t u = (uint32_t)b; float f; memcpy(&f, &u, 4); return f; }
static inline double f64_of(uint64_t b) { double f; memcpy(&f, &b, 8); return f; }
`;

/** The parameter's raw bits, zero-extended to 64. */
function rawBits(t: ValueType, name: string): string {
  if (t === "f32") return `bits_f32(${name})`;
  if (t === "f64") return `bits_f64(${name})`;
  if (t === "i32") return `(uint64_t)(uint32_t)${name}`;
  return `(uint64_t)${name}`;
}

/** The parameter's bits with NaNs canonicalised. */
function canonBits(t: ValueType, name: string): string {
  if (t === "f32") return `canon_f32(${name})`;
  if (t === "f64") return `canon_f64(${name})`;
  return rawBits(t, name);
}

/** A 64-bit value expression converted to type `t` by truncation / reinterpretation. */
function ofBits(t: ValueType, v: string): string {
  switch (t) {
    case "i32": return `(int32_t)(uint32_t)(${v})`;
    case "u32": return `(uint32_t)(${v})`;
    case "i64": return `(int64_t)(${v})`;
    case "u64": return `(uint64_t)(${v})`;
    case "f32": return `f32_of(${v})`;
    case "f64": return `f64_of(${v})`;
  }
}

function hex(v: bigint): string {
  return `0x${v.toString(16)}ull`;
}

/**
 * The planted bug of `--inject-bug`: result 1 of every import with at least
 * three parameters whose result 1 is an `f64` gets its lowest bit flipped. The
 * smallest signature that shows it is `(i32, i32, i32) -> (i32, f64)`, which
 * the shrinker must find.
 */
export function injectedBugApplies(sig: FuzzSignature): boolean {
  return sig.params.length >= 3 && sig.results[1] === "f64";
}

/** The C expression of result `k` of import `i` (with the planted bug when `corrupt`). */
function resultExpr(i: number, sig: FuzzSignature, k: number, corrupt: boolean): string {
  const d = derivation(i, sig.params, sig.results, k);
  const t = sig.results[k]!;
  if (corrupt) {
    const bits = d.kind === "const" ? hex(d.constant)
      : d.kind === "identity" ? rawBits(sig.params[d.param]!, `p${d.param}`)
      : `(${canonBits(sig.params[d.param]!, `p${d.param}`)} ^ ${hex(d.constant)})`;
    return ofBits(t, `${bits} ^ 1u`);
  }
  if (d.kind === "const") return ofBits(t, hex(d.constant));
  if (d.kind === "identity") return `p${d.param}`;
  return ofBits(t, `${canonBits(sig.params[d.param]!, `p${d.param}`)} ^ ${hex(d.constant)}`);
}

/** The C definition of import `i`. */
function functionDefinition(i: number, sig: FuzzSignature, injectBug: boolean): string {
  const corrupt = (k: number) => injectBug && k === 1 && injectedBugApplies(sig);
  const proto = cPrototype(sig).replace(/;$/, "");
  const body: string[] = [];
  const n = sig.params.length;
  if (sig.noctx) {
    sig.params.forEach((_, j) => body.push(`(void)p${j};`));
  } else if (n === 0) {
    body.push(`seen(ctx, ${hex(seenTag(i, 0))}, NULL, 0);`);
  } else {
    body.push(`const uint64_t bits[${n}] = { ${sig.params.map((t, j) => rawBits(t, `p${j}`)).join(", ")} };`);
    body.push(`seen(ctx, ${hex(seenTag(i, n))}, bits, ${n});`);
  }
  if (sig.results.length === 1) {
    body.push(`return ${resultExpr(i, sig, 0, false)};`);
  } else {
    sig.results.forEach((_, k) => body.push(`out->${fieldName(sig, k)} = ${resultExpr(i, sig, k, corrupt(k))};`));
  }
  return `/* import ${i}: ${describe(sig)} */\n${proto} {\n${body.map((l) => `  ${l}`).join("\n")}\n}\n`;
}

/** Options of {@link cImplementation}. */
export interface CImplementationOptions {
  /** Plant the bug described at {@link injectedBugApplies}. @default false */
  injectBug?: boolean;
}

/** The whole C file for a batch, including the generated header `header`. */
export function cImplementation(sigs: readonly FuzzSignature[], header: string, options: CImplementationOptions = {}): string {
  return [
    "/* Native side of a hostbind fuzz batch (written by test/fuzz/c_impl.ts). */",
    `#include "${header}"`,
    PRELUDE,
    ...sigs.map((s, i) => functionDefinition(i, s, options.injectBug ?? false)),
  ].join("\n");
}

