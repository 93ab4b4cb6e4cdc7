import { CliError } from '../cli/CliError.js';
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

  it.each([
    ['redis://:Xq7@Zk9#Wv2/Ty4@host/0', 'Xq7@Zk9#Wv2/Ty4'],
    ['redis://me:Xq7/Zk9#Wv2@host/1', 'Xq7/Zk9#Wv2'],
    ['redis://:Xq7/Zk9@host', 'Xq7/Zk9'],
    ['redis://:Xq7#Zk9@host:6379/0', 'Xq7#Zk9'],
    ['redis://u:Xq7@Zk9/Wv2@host/3', 'Xq7@Zk9/Wv2'],
  ])('messages: never prints any part of the password of %j (unescaped @ / #)', (text, password) => {
    let message = '';
    try {
      parseRedisUrl('--queue', text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('--queue');
    for (const part of password.split(/[@/#]/).filter((p) => p.length > 1)) expect(message).not.toContain(part);
  });

  it('messages: a % not followed by two hex digits is a clear refusal (exit 2), not "URI malformed"', () => {
    expect(() => parseRedisUrl('--queue', 'redis://:%zz@host/0')).toThrow(CliError);
    expect(() => parseRedisUrl('--queue', 'redis://:%zz@host/0')).toThrow('the password in "redis://***@host/0" holds a % that is not followed by two hex digits');
  });
});
