/**
 * Makes "a library for another architecture" without a cross compiler: a
 * copy of a compiled ELF shared object whose `e_machine` field says another
 * machine, so the dynamic loader must refuse it.
 *
 * @example
 * ```ts
 * import { ELF_MACHINE, withElfMachine } from "./elf.ts";
 * withElfMachine("libx.so", "libx-arm.so", ELF_MACHINE.aarch64);
 * ```
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";

/** `e_machine` values of a few architectures. */
export const ELF_MACHINE = { i386: 3, x86_64: 62, aarch64: 183, riscv: 243 } as const;

/** Copies the ELF file `from` to `to` with its `e_machine` replaced by `machine`. */
export function withElfMachine(from: string, to: string, machine: number): void {
  const bytes = readFileSync(from);
  if (bytes.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${from} is not an ELF file`);
  // e_machine is the 16-bit field at offset 18 in both ELF32 and ELF64, in the file's byte order (EI_DATA).
  const littleEndian = bytes[5] === 1;
  if (littleEndian) bytes.writeUInt16LE(machine, 18);
  else bytes.writeUInt16BE(machine, 18);
  writeFileSync(to, bytes);
}
