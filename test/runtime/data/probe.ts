/**
 * Drives the data-types guest (guest.wat) against api.c through the
 * bindings, in whichever runtime runs it, and prints one JSON object of what
 * happened: results read back from guest memory, and each trap's code and
 * message. Usage: probe.ts BINDINGS.ts LIBRARY.so GUEST.wasm
 */
import { readFileSync } from "node:fs";

const [bindings, library, guestFile] = (globalThis as { Deno?: { args: string[] } }).Deno?.args ?? process.argv.slice(2);
const { load } = await import(bindings!);
const bytes = readFileSync(guestFile!);
const out: Record<string, unknown> = {};
const caught = (f: () => unknown): unknown => {
  try {
    return { value: f() };
  } catch (e) {
    const err = e as { name: string; code?: number; message: string };
    return { name: err.name, code: err.code, message: err.message };
  }
};

{
  // Calls into the guest before bind(): a trap that names the export.
  using host = load(library);
  out.beforeBind = caught(() => host.imports.host.call_double(3));
  // An instance without the default allocator: bind() says what is missing; naming one works.
  const module = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(module, host.imports);
  out.bindNoAllocator = caught(() => host.bind(instance, { allocator: "nope" }));
  host.bind(instance, { allocator: "malloc_like" });
  const e = instance.exports as Record<string, (...a: number[]) => number> & { memory: WebAssembly.Memory };
  new TextEncoder().encodeInto("abc", new Uint8Array(e.memory.buffer, 100));
  e.run_upper!(100, 3, 8);
  const [p, n] = new Uint32Array(e.memory.buffer, 8, 2);
  out.mallocShaped = new TextDecoder().decode(new Uint8Array(e.memory.buffer, p, n));
}

using host = load(library);
const instance = await host.instantiate(bytes);
const e = instance.exports as Record<string, (...a: number[]) => number> & { memory: WebAssembly.Memory };
const mem = () => new Uint8Array(e.memory.buffer);
const put = (at: number, data: Uint8Array | string) => {
  const b = typeof data === "string" ? new TextEncoder().encode(data) : data;
  mem().set(b, at);
  return b.length;
};
/** The (ptr, len) the host wrote at `area`, and the bytes there. */
const result = (area: number) => {
  const [p, n] = new Uint32Array(e.memory.buffer, area, 2);
  return mem().slice(p, p + n);
};
const text = (area: number) => new TextDecoder().decode(result(area));

const hello = "héllo, wörld 😀";
const n = put(1000, hello);
e.run_log!(1000, n);
out.logLen = e.run_last_len!();
e.run_upper!(1000, n, 16);
out.upper = text(16);
e.run_upper!(1000, 0, 16);
out.upperEmpty = { len: result(16).length };
const data = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
put(2000, data);
out.sum = e.run_sum!(2000, 32);
e.run_twice!(2000, 32, 16);
out.twice = [...result(16)];
e.run_fill!(7, 65536 + 3, 16);
const filled = result(16);
out.fill = { len: filled.length, allSeven: filled.every((b) => b === 7) };
// The allocator grows (and so moves) memory before the copy of a view of a parameter.
e.set_alloc_mode!(4);
const before = e.memory.buffer.byteLength;
e.run_echo!(1000, n, 16);
out.echoAfterGrow = { text: text(16), grew: e.memory.buffer.byteLength > before };
e.set_alloc_mode!(0);

out.call = e.run_call_double!(20);
// guest → import → native → guest export → import → …, 6 deep.
out.nest = e.run_call_nest!(6);
out.grow = { seen: e.run_grow_pages!(2), actual: e.memory.buffer.byteLength / 65536 };
out.boom = caught(() => e.run_call_boom!());
out.afterBoom = e.run_call_double!(1);
// HostTrap names the import that trapped as a field too.
out.trapImport = (() => {
  try {
    e.run_call_boom!();
  } catch (x) {
    return (x as { import?: string }).import;
  }
})();

// Bad input: each a trap naming the import, the offset, the length, the memory size.
const size = e.memory.buffer.byteLength;
out.outside = caught(() => e.run_log!(size - 4, 100));
out.wraps = caught(() => e.run_sum!(0xfffffff0, 0x20));
put(3000, Uint8Array.of(0x61, 0xc3, 0x28));
out.notUtf8 = caught(() => e.run_log!(3000, 3));
put(3010, Uint8Array.of(0xed, 0xa0, 0x80));
out.surrogate = caught(() => e.run_log!(3010, 3));
out.badResultText = caught(() => e.run_bad_text!(16));
out.setTwice = caught(() => e.run_twice_set!(16));
out.huge = caught(() => e.run_huge!(16));
out.areaOutside = caught(() => e.run_upper!(1000, n, size - 4));
for (const [mode, key] of [[1, "allocZero"], [2, "allocOutside"], [3, "allocTraps"]] as const) {
  e.set_alloc_mode!(mode);
  out[key] = caught(() => e.run_upper!(1000, n, 16));
}
e.set_alloc_mode!(0);
// A zero-length result needs no room, so the allocator may return 0 then.
e.set_alloc_mode!(1);
out.emptyWithZero = caught(() => (e.run_upper!(1000, 0, 16), result(16).length));
e.set_alloc_mode!(0);
out.afterAll = text((e.run_upper!(1000, 6, 16), 16));
console.log(JSON.stringify(out));
