/** `"\x93NUMPY"`, the 6 bytes that open every .npy file. */
export const npyMagic = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59);
