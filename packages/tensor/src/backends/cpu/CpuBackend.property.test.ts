// Imported through the package's own `./testing` export, as another backend's tests would.
import { describeBackendProperties } from '@synthgrad/tensor/testing';
import { CpuBackend } from './CpuBackend.js';

// The cpu backend against the mathjs oracle on random shapes and values (fast-check), to 1e-12 of
// the magnitude of what was summed. The cache-blocked products draw m up to 70 and k up to 300,
// past the kernel's blocks of 64 rows and 256 inner terms.
describeBackendProperties('cpu', () => new CpuBackend(), {
  blockedMatmul: { m: 70, k: 300, n: 40 },
});
