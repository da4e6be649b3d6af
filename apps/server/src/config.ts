import { isIP } from 'node:net';
import { defined } from '@ptrack/domain';
import { z } from 'zod';

/**
 * The server's environment, checked once at start. Binding beyond this machine (a non-loopback HOST)
 * needs PUBLIC_URL: the address people use, whose host the server then answers for and whose origin
 * its pages come from (apps/server/src/security).
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  return mapped?.[1]?.startsWith('127.') === true;
}

const ServerEnv = z.object({
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be from 0 to 65535')
    .max(65535, 'must be from 0 to 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be blank').default('127.0.0.1'),
  PTRACK_DATA_DIR: z.string().trim().min(1, 'must not be blank').default('./data'),
  PTRACK_UPLOAD_LIMIT_MB: z.coerce
    .number({ message: 'must be a number of megabytes' })
    .int('must be a whole number of megabytes')
    .min(1, 'must be from 1 to 2000')
    .max(2000, 'must be from 1 to 2000')
    .default(50),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL'),
  PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const origin = publicOriginOf(v);
      if (origin === null) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be the http(s) address people open, with no path, e.g. https://tracker.example.com',
        });
        return z.NEVER;
      }
      return origin;
    }),
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter((h) => h !== ''),
    )
    .refine(
      (hosts) => hosts.every((h) => HOST_NAME.test(h)),
      'must be host names separated by commas, e.g. tracker.lan,10.0.0.5',
    ),
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): boolean | number | string => {
      if (!v || v === 'false') return false;
      if (v === 'true') return true;
      if (/^\d+$/.test(v)) return Number(v);
      if (v.split(',').every((a) => /^[0-9a-fA-F.:/]+$/.test(a.trim()))) return v;
      ctx.addIssue({
        code: 'custom',
        message: 'must be true, false, the number of proxies in front, or the proxy addresses (comma-separated IPs/CIDRs)',
      });
      return z.NEVER;
    }),
});

// A host name or IP literal, optionally with a port.
const HOST_NAME = /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+)(:\d{1,5})?$/;

/** The origin of a PUBLIC_URL (`https://host[:port]`), or null when it is not an http(s) origin. */
export function publicOriginOf(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

export type ServerConfig = z.infer<typeof ServerEnv>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the environment; a bad value becomes one plain line naming the variable (a ConfigError). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
  const result = ServerEnv.safeParse({
    PORT: blankToUndefined(env.PORT),
    HOST: blankToUndefined(env.HOST),
    PTRACK_DATA_DIR: blankToUndefined(env.PTRACK_DATA_DIR),
    PTRACK_UPLOAD_LIMIT_MB: blankToUndefined(env.PTRACK_UPLOAD_LIMIT_MB),
    DATABASE_URL: env.DATABASE_URL,
    PUBLIC_URL: env.PUBLIC_URL,
    ALLOWED_HOSTS: env.ALLOWED_HOSTS,
    TRUST_PROXY: env.TRUST_PROXY,
  });
  if (!result.success) {
    const issue = defined(result.error.issues[0], 'the first issue of a failed parse');
    const name = String(issue.path[0] ?? 'environment');
    const value = env[name];
    throw new ConfigError(`${name}${value !== undefined ? `=${value}` : ''} ${issue.message}`);
  }
  const config = result.data;
  if (!isLoopbackHost(config.HOST) && !config.PUBLIC_URL) {
    throw new ConfigError(
      `HOST=${config.HOST} binds beyond this machine: set PUBLIC_URL to the address people will use (e.g. https://tracker.example.com), so the server knows which host and origin are its own`,
    );
  }
  return config;
}

/** What startServer needs from the configuration to listen and to know its own names. */
export function listenOptionsOf(config: ServerConfig): {
  host: string;
  port: number;
  publicUrl?: string;
  allowedHosts: string[];
  trustProxy: boolean | number | string;
} {
  return {
    host: config.HOST,
    port: config.PORT,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    allowedHosts: config.ALLOWED_HOSTS,
    trustProxy: config.TRUST_PROXY,
  };
}
