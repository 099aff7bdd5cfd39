/** Placeholder until validation lands. @module */
import type { Declarations } from "./types.ts";

/** Checks names, symbols and collisions (not implemented yet). */
export function validateDeclarations(_decls: Declarations): void {}
