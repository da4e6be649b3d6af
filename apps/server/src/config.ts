import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The server's environment, checked once at start. There is no authentication yet, so the server only
 * binds to this machine: a non-loopback HOST is refused rather than silently exposing the data.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  return mapped !== null && mapped[1]!.startsWith('127.');
}

const ServerEnv = z.object({
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be from 0 to 65535')
    .max(65535, 'must be from 0 to 65535')
    .default(3000),
  HOST: z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .default('127.0.0.1')
    .refine(
      isLoopbackHost,
      'must be a loopback address (127.0.0.1, ::1 or localhost): binding beyond this machine needs authentication, which Partner Tracker does not have yet',
    ),
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
});

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
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const value = env[name];
    throw new ConfigError(`${name}${value !== undefined ? `=${value}` : ''} ${issue.message}`);
  }
  return result.data;
}
