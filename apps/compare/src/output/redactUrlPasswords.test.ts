import { describe, expect, it } from 'vitest';
import { redactUrlPasswords } from './redactUrlPasswords.js';

describe('redactUrlPasswords', () => {
  it('replaces the password of a URL with ***, keeping the user, host, port and database', () => {
    expect(redactUrlPasswords(['compare', 'seed', '--queue', 'redis://user:secret@10.0.0.5:6379/2'])).toEqual(['compare', 'seed', '--queue', 'redis://user:***@10.0.0.5:6379/2']);
    expect(redactUrlPasswords(['--queue', 'redis://:secret@localhost'])).toEqual(['--queue', 'redis://:***@localhost']);
    expect(redactUrlPasswords(['--queue=rediss://admin:secret@cache.example.com:6380'])).toEqual(['--queue=rediss://admin:***@cache.example.com:6380']);
  });

  it('hides a password holding @, :, / or # whole', () => {
    for (const password of ['p@ss', 'a:b', 'x/y', 'h#sh', 's%40cret']) {
      const [word] = redactUrlPasswords([`redis://user:${password}@host:6379`]);
      expect(word).toBe('redis://user:***@host:6379');
    }
  });

  it('leaves words without a password as they are', () => {
    const words = ['compare', 'suite.json', '--queue', 'redis://127.0.0.1:6379', 'redis://user@host', '--out', 'a:b@c', 'user@example.com'];
    expect(redactUrlPasswords(words)).toEqual(words);
  });
});
