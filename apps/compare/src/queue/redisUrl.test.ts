import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from './redisUrl.js';

describe('parseRedisUrl', () => {
  it('reads host, port, database, user and password; hides the password', () => {
    const target = parseRedisUrl('--queue', 'redis://me:p%40ss@10.0.0.5:6380/3');
    expect(target.options).toEqual({ host: '10.0.0.5', port: 6380, db: 3, username: 'me', password: 'p@ss' });
    expect(target.display).toBe('redis://me:***@10.0.0.5:6380/3');
  });

  it('defaults to port 6379 and database 0; rediss:// turns TLS on', () => {
    expect(parseRedisUrl('--queue', 'redis://localhost').options).toEqual({ host: 'localhost', port: 6379, db: 0 });
    const tls = parseRedisUrl('--queue', 'rediss://:secret@cache.example:6390');
    expect(tls.options).toEqual({ host: 'cache.example', port: 6390, db: 0, password: 'secret', tls: {} });
    expect(tls.display).toBe('rediss://:***@cache.example:6390');
  });

  it.each([
    ['http://localhost:6379', 'got the scheme "http:"'],
    ['localhost:6379', 'got the scheme "localhost:"'],
    ['redis://localhost/db1', 'must be a number 0–99, got "db1"'],
    ['redis://localhost:6379?password=x', 'has a query or fragment'],
    ['', 'expected redis://'],
  ])('refuses %j naming the option', (text, message) => {
    expect(() => parseRedisUrl('--queue', text)).toThrow(message);
    expect(() => parseRedisUrl('--queue', text)).toThrow('--queue');
  });

  it('never repeats a password in an error', () => {
    expect(() => parseRedisUrl('--queue', 'redis://:hunter2@host/x')).toThrow(/^(?!.*hunter2)/s);
  });
});
