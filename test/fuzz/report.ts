/**
 * Turns a fuzz failure into text a person can act on: which runtime, which
 * import and argument vector, which result or parameter, the expected and
 * actual bits, and the (minimised) signature both as a hostbind declaration
 * and as the C prototype it must have.
 *
 * @example
 * ```ts
 * import { describeMismatch } from "./report.ts";
 * describeMismatch(sig, report); // "result 1 (f64): expected 0x3ff0000000000000, got 0x3ff0000000000001 …"
 * ```
 * @module
 */
import type { RunnerReport } from "./runner.ts";
import { cPrototype, describe, functionDeclaration, type FuzzSignature } from "./signature.ts";
import { argumentVectors } from "./values.ts";
import { WHERE_PARAM, WHERE_RESULT, WHERE_TAG } from "./wat_guest.ts";

/** One line naming what mismatched in `report` for signature `sig`. */
export function describeMismatch(sig: FuzzSignature, report: RunnerReport): string {
  const args = argumentVectors(sig.params, sig.valueSeed)[report.vec] ?? [];
  const argText = args.map((a, j) => `${sig.params[j]} 0x${a.toString(16)}`).join(", ");
  let what: string;
  if (report.where >= WHERE_TAG) what = "the tag naming the import (wrong function called, or ctx/memory not set)";
  else if (report.where >= WHERE_PARAM) {
    const j = report.where - WHERE_PARAM;
    what = `parameter ${j} (${sig.params[j]}) as the native side received it`;
  } else {
    const k = report.where - WHERE_RESULT;
    what = `result ${k} (${sig.results[k]})`;
  }
  return `${what}: expected 0x${report.expected}, got 0x${report.got} (argument vector ${report.vec}: ${argText || "no arguments"})`;
}

/** The signature as a declaration line plus its C prototype, indented. */
export function signatureBlock(sig: FuzzSignature): string {
  return [
    `  ${describe(sig)}`,
    `  declaration: ${functionDeclaration(sig).trim().replace(/\n\s*/g, " ")}`,
    `  C prototype: ${cPrototype(sig)}`,
  ].join("\n");
}
