// The slice of the WebAssembly JS API this package uses, typed locally: TypeScript's ES libs do
// not declare `WebAssembly`, and declaring it globally would clash with a user's DOM lib.

export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

export type WasmModule = object;

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { readonly exports: object };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}

export const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Bytes in one page of wasm memory. */
export const PAGE_BYTES = 65536;
