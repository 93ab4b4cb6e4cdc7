import { describe, expect, it } from 'vitest';
import { resumeCommand } from './resumeCommand.js';

describe('resumeCommand', () => {
  it('says npx, which finds an installed package\'s command, and npm start under npm start', () => {
    expect(resumeCommand({})).toBe('npx synthgrad compare --resume');
    expect(resumeCommand({ npm_lifecycle_event: 'test' })).toBe('npx synthgrad compare --resume');
    expect(resumeCommand({ npm_lifecycle_event: 'start' })).toBe('npm start -- --resume');
  });
});
