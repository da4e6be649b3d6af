import { audit } from '../audit/audit';
import type { ServiceContext } from '../context';
import { type AuthRequest, type CookieOutcome, setCookiesOf } from './auth-request';
import type { Identity } from './identity';

/** DELETE /api/session: ends this session and clears its cookie. */
export async function signOut(ctx: ServiceContext, identity: Identity, request: AuthRequest): Promise<CookieOutcome> {
  const { headers } = await (await identity.auth()).api.signOut({ headers: request.headers, returnHeaders: true });
  await audit(ctx, 'sign-out', {});
  return { setCookies: setCookiesOf(headers) };
}
