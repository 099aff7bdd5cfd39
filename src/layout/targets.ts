/**
 * The targets the layout engine knows, from one table: where `int64_t`,
 * `uint64_t` and `double` align inside a struct is the only thing that
 * differs between them for hostbind's value types (4 on i686-linux, 8
 * everywhere Deno and Bun ship).
 *
 * @example
 * ```ts
 * import { hostTarget, targetByName } from "./targets.ts";
 * targetByName("i686-linux")?.structAlign.f64; // 4
 * hostTarget().name;                          // e.g. "x86_64-linux"
 * ```
 * @module
 */
import type { ValueType } from "../ir/types.ts";

/** Names of the supported targets, `ARCH-OS`. */
export type TargetName =
  | "x86_64-linux" | "x86_64-macos" | "x86_64-windows"
  | "aarch64-linux" | "aarch64-macos" | "aarch64-windows"
  | "i686-linux";

/** What the layout engine needs to know about one target. */
export interface Target {
  /** `ARCH-OS`, as accepted by `--target`. */
  name: TargetName;
  /** Size of a data pointer in bytes. */
  pointerSize: 4 | 8;
  /** Size in bytes of each value type. */
  size: Readonly<Record<ValueType, number>>;
  /** Alignment in bytes of each value type as a struct field. */
  structAlign: Readonly<Record<ValueType, number>>;
  /** The platform's shared-library file extension, with the dot. */
  libExtension: ".so" | ".dylib" | ".dll";
}

const SIZE: Record<ValueType, number> = { i32: 4, u32: 4, i64: 8, u64: 8, f32: 4, f64: 8 };
const NATURAL: Record<ValueType, number> = SIZE;
const I686_STRUCT: Record<ValueType, number> = { i32: 4, u32: 4, i64: 4, u64: 4, f32: 4, f64: 4 };

function t(name: TargetName, libExtension: Target["libExtension"]): Target {
  const i686 = name.startsWith("i686");
  return {
    name,
    pointerSize: i686 ? 4 : 8,
    size: SIZE,
    structAlign: i686 ? I686_STRUCT : NATURAL,
    libExtension,
  };
}

/** Every supported target, in the order `--help` lists them. */
export const TARGETS: readonly Target[] = [
  t("x86_64-linux", ".so"),
  t("x86_64-macos", ".dylib"),
  t("x86_64-windows", ".dll"),
  t("aarch64-linux", ".so"),
  t("aarch64-macos", ".dylib"),
  t("aarch64-windows", ".dll"),
  t("i686-linux", ".so"),
];

/** The target called `name`, or `undefined`. */
export function targetByName(name: string): Target | undefined {
  return TARGETS.find((x) => x.name === name);
}

/**
 * The target of the machine running hostbind, from `process`/`Deno` facts;
 * falls back to x86_64-linux when it cannot tell (all 64-bit targets share
 * one layout for hostbind's types, so the fallback is only a label).
 */
export function hostTarget(): Target {
  // deno-lint-ignore no-explicit-any
  const g = globalThis as any;
  const arch: string = g.Deno?.build?.arch ?? g.process?.arch ?? "x86_64";
  const os: string = g.Deno?.build?.os ?? g.process?.platform ?? "linux";
  const a = arch === "x64" || arch === "x86_64" ? "x86_64"
    : arch === "arm64" || arch === "aarch64" ? "aarch64"
    : arch === "ia32" || arch === "x86" ? "i686" : "x86_64";
  const o = os === "darwin" ? "macos" : os === "win32" ? "windows" : os;
  return targetByName(`${a}-${o}`) ?? TARGETS[0]!;
}
