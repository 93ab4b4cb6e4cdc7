import { describe, expect, it } from 'vitest';
import { ProtoWriter } from './ProtoWriter.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('ProtoWriter', () => {
  it('writes the protobuf documentation examples byte for byte', () => {
    // "message Test1 { int32 a = 1; }" with a = 150 encodes as 08 96 01.
    expect(hex(new ProtoWriter().varint(1, 150).finish())).toBe('089601');
    // "message Test2 { string b = 2; }" with b = "testing" encodes as 12 07 74 65 73 74 69 6e 67.
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
    // "message Test3 { Test1 c = 3; }" with c.a = 150 encodes as 1a 03 08 96 01.
    expect(hex(new ProtoWriter().message(3, (m) => m.varint(1, 150)).finish())).toBe('1a03089601');
  });

  it('writes floats little-endian with wire type 5, varints past 32 bits, and keeps field order', () => {
    // 1.0f is 0x3f800000; field 2, wire type 5: tag 0x15.
    expect(hex(new ProtoWriter().float(2, 1).finish())).toBe('150000803f');
    // 2^35 = 0x8_0000_0000: seven-bit groups 0,0,0,0,0x80>>… → 80 80 80 80 80 01.
    expect(hex(new ProtoWriter().varint(1, 2 ** 35).finish())).toBe('088080808080' + '01');
    expect(hex(new ProtoWriter().varint(20, 1).varint(3, 2).finish())).toBe('a0010118' + '02');
  });

  it('refuses negative and non-integer varints', () => {
    expect(() => new ProtoWriter().varint(1, -1)).toThrow(/field 1: -1/);
    expect(() => new ProtoWriter().varint(1, 0.5)).toThrow(RangeError);
  });
});
