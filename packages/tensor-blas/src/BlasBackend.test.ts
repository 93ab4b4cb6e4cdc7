import { describeBackendContract } from '@synthgrad/tensor/testing';
import { describe, expect, it } from 'vitest';
import { BlasBackend } from './BlasBackend.js';

describeBackendContract('blas', () => new BlasBackend());

describe('BlasBackend without the library', () => {
  it('fails naming the library and what to install', () => {
    expect(() => new BlasBackend({ library: 'libopenblas-missing.so.0' })).toThrow(
      /libopenblas-missing\.so\.0.*apt-get install libopenblas0-pthread/,
    );
  });
});
