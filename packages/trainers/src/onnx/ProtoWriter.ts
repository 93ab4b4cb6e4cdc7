/**
 * Writes the protocol buffers wire format, the small part of it ONNX files use: varints, 32-bit
 * floats, and length-delimited strings, bytes and nested messages (fields in the order written;
 * repeated scalars one tag each, which every protobuf reader accepts).
 *
 * @example
 * ```ts
 * const w = new ProtoWriter();
 * w.varint(1, 7).string(2, 'synthgrad').message(3, (m) => m.float(2, 1e-5));
 * w.finish(); // Uint8Array
 * ```
 */
export class ProtoWriter {
  readonly #chunks: Uint8Array[] = [];
  #scratch: number[] = [];
  #length = 0;

  /** A varint field (wire type 0): `int32`, `int64` and enums, for integers 0 ≤ value < 2^53. */
  varint(field: number, value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`ProtoWriter.varint: field ${field}: ${value} is not an integer in [0, 2^53)`);
    this.#tag(field, 0);
    this.#varint(value);
    return this;
  }

  /** A 32-bit float field (wire type 5). */
  float(field: number, value: number): this {
    this.#tag(field, 5);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.#push(bytes);
    return this;
  }

  /** A UTF-8 string field (wire type 2). */
  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** A bytes field (wire type 2). */
  bytes(field: number, value: Uint8Array): this {
    this.#tag(field, 2);
    this.#varint(value.length);
    this.#push(value);
    return this;
  }

  /** A nested message field (wire type 2), written by `build`. */
  message(field: number, build: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    this.#flush();
    const out = new Uint8Array(this.#length);
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  #tag(field: number, wireType: number): void {
    this.#varint(field * 8 + wireType);
  }

  #varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.#scratch.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.#scratch.push(v);
  }

  #push(bytes: Uint8Array): void {
    this.#flush();
    this.#chunks.push(bytes);
    this.#length += bytes.length;
  }

  #flush(): void {
    if (this.#scratch.length === 0) return;
    this.#chunks.push(Uint8Array.from(this.#scratch));
    this.#length += this.#scratch.length;
    this.#scratch = [];
  }
}
