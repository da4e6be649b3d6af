import { hostname } from 'node:os';
import type { CreatedApiToken, SessionState } from '@ptrack/contracts';
import type { Command } from 'commander';
import { print } from '../context';
import { credentialsPath, readCredentials, removeCredentials, writeCredentials } from '../credentials';
import { CliError, EXIT, oneLine, problemError } from '../errors';
import { ask, askHidden } from '../prompt';

type LoginOptions = { url: string; token?: string; email?: string };

async function request(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new CliError(oneLine(`Cannot reach ${url} (${cause})`), EXIT.UNAVAILABLE);
  }
}

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  const body = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  if (!res.ok) throw problemError(res.status, body);
  return body as T;
}

/** Email + password → a session, used once to mint a personal API token for this machine, then ended. */
async function tokenFromPassword(base: string, email: string, password: string): Promise<CreatedApiToken> {
  const signIn = await request(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (signIn.status === 401) throw new CliError('email or password is wrong', EXIT.FAILED);
  await json<SessionState>(signIn);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  try {
    const created = await request(`${base}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: `ptrack CLI on ${hostname()}`, access: 'read-write' }),
    });
    return await json<CreatedApiToken>(created);
  } finally {
    await request(`${base}/api/session`, { method: 'DELETE', headers: { cookie } }).catch(() => undefined);
  }
}

/** `ptrack login` / `ptrack logout`: a remote server with a personal API token kept in ~/.config/ptrack. */
export function registerLogin(program: Command): void {
  program
    .command('login')
    .description('sign in to a Partner Tracker server and keep an API token for it (asks email and password, or give --token)')
    .requiredOption('--url <url>', 'the server, e.g. https://partners.example.com')
    .option('--token <token>', 'an API token made in the web app (default: $PTRACK_TOKEN)')
    .option('--email <email>', 'the email to sign in with (asked when not given)')
    .action(async (options: LoginOptions) => {
      let base: string;
      try {
        base = new URL(options.url).toString().replace(/\/+$/, '');
      } catch {
        throw new CliError(`--url: ${options.url} is not a URL`, EXIT.USAGE);
      }
      let token = options.token ?? process.env.PTRACK_TOKEN?.trim();
      let tokenId: string | null = null;
      let email: string | null = null;
      if (!token) {
        if (!process.stdin.isTTY) throw new CliError('not a terminal: give --token (or PTRACK_TOKEN) to log in', EXIT.USAGE);
        email = options.email ?? (await ask('Email: '));
        const password = await askHidden('Password: ');
        const created = await tokenFromPassword(base, email, password);
        token = created.token;
        tokenId = created.id;
      }
      const state = await json<SessionState>(
        await request(`${base}/api/session`, { method: 'GET', headers: { authorization: `Bearer ${token}` } }),
      );
      if (!state.user) throw new CliError('The server does not accept this token (unknown, revoked or expired)', EXIT.FAILED);
      const path = writeCredentials({ url: base, token, tokenId, email: state.user.email });
      print(`Logged in to ${base} as ${state.user.name} <${state.user.email}> (${state.user.role}); the token is in ${path}.`);
    });

  program
    .command('logout')
    .description('forget the stored server and token (and revoke the token this machine made at login)')
    .action(async () => {
      const stored = readCredentials();
      if (!stored) {
        print(`Not logged in (no ${credentialsPath()}).`);
        return;
      }
      if (stored.tokenId) {
        await request(`${stored.url}/api/tokens/${stored.tokenId}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${stored.token}` },
        }).catch(() => undefined);
      }
      removeCredentials();
      print(`Logged out of ${stored.url}.`);
    });
}
