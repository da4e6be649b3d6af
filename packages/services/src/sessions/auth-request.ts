import { AppError } from '@ptrack/domain';
import type { Identity } from './identity';

/** The parts of an HTTP request better-auth reads: its headers (cookie, user agent, client address). */
export type AuthRequest = { headers: Headers };

/** What a sign-in, sign-out or session refresh asks the client to store: Set-Cookie header values. */
export type CookieOutcome = { setCookies: string[] };

export function setCookiesOf(headers: Headers | null | undefined): string[] {
  return headers?.getSetCookie() ?? [];
}

/** Signs in through better-auth; null when the email or password is wrong. */
export async function betterAuthSignIn(
  identity: Identity,
  request: AuthRequest,
  email: string,
  password: string,
): Promise<{ userId: string; setCookies: string[] } | null> {
  try {
    const { headers, response } = await (await identity.auth()).api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: request.headers,
      returnHeaders: true,
    });
    return { userId: response.user.id, setCookies: setCookiesOf(headers) };
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 401 || status === 400 || status === 403) return null;
    throw error;
  }
}

export const WRONG_CREDENTIALS = () => new AppError('UNAUTHENTICATED', 'email or password is wrong');
