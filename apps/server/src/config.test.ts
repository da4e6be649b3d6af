import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, listenOptionsOf, loadConfig } from './config';

describe('server configuration', () => {
  it('defaults to port 3000 on 127.0.0.1 with data in ./data and uploads up to 50 MB', () => {
    expect(loadConfig({})).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      PTRACK_DATA_DIR: './data',
      PTRACK_UPLOAD_LIMIT_MB: 50,
      DATABASE_URL: undefined,
      PUBLIC_URL: undefined,
      ALLOWED_HOSTS: [],
      TRUST_PROXY: false,
    });
  });

  it('takes an upload limit in whole megabytes', () => {
    expect(loadConfig({ PTRACK_UPLOAD_LIMIT_MB: '200' }).PTRACK_UPLOAD_LIMIT_MB).toBe(200);
    expect(() => loadConfig({ PTRACK_UPLOAD_LIMIT_MB: '0' })).toThrow(/^PTRACK_UPLOAD_LIMIT_MB=0 must be from 1 to 2000/);
    expect(() => loadConfig({ PTRACK_UPLOAD_LIMIT_MB: 'lots' })).toThrow(/^PTRACK_UPLOAD_LIMIT_MB=lots /);
  });

  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])(
    'accepts the loopback host %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com', '128.0.0.1', 'localhost.evil.com'])(
    'refuses the non-loopback host %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it('binds beyond this machine only with PUBLIC_URL, and says so', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST=0\.0\.0\.0 .*set PUBLIC_URL/);
    const config = loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'https://tracker.example.com/' });
    expect(config).toMatchObject({ HOST: '0.0.0.0', PUBLIC_URL: 'https://tracker.example.com' });
    expect(listenOptionsOf(config)).toEqual({
      host: '0.0.0.0',
      port: 3000,
      publicUrl: 'https://tracker.example.com',
      allowedHosts: [],
      trustProxy: false,
    });
  });

  it.each([
    'tracker.example.com',
    'ftp://tracker.example.com',
    'https://tracker.example.com/app',
    'https://u:p@tracker.example.com',
    'https://x.example?a=1',
  ])('refuses PUBLIC_URL=%s, which is not an http(s) origin', (value) => {
    expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/^PUBLIC_URL=.* must be the http\(s\) address/);
  });

  it('reads ALLOWED_HOSTS as a comma-separated list of host names', () => {
    expect(loadConfig({ ALLOWED_HOSTS: 'tracker.lan, 10.0.0.5:3000,[fd00::1]' }).ALLOWED_HOSTS).toEqual([
      'tracker.lan',
      '10.0.0.5:3000',
      '[fd00::1]',
    ]);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'http://tracker.lan' })).toThrow(/^ALLOWED_HOSTS=/);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['', false],
    ['1', 1],
    ['10.0.0.1, 172.16.0.0/12', '10.0.0.1, 172.16.0.0/12'],
  ] as const)('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it('refuses a TRUST_PROXY it cannot read', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/^TRUST_PROXY=yes please must be/);
  });

  it('refuses a port that is not a port, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT=eighty /);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^PORT=70000 must be from 0 to 65535/);
  });

  it('takes a DATABASE_URL only when it is a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).DATABASE_URL).toBe('postgres://u@localhost/db');
    expect(loadConfig({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL=mysql:\/\/x /);
  });
});
