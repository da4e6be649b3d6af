import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from './client';
import {
  abandonSignIn,
  isSignInNeeded,
  resumeAfterSignIn,
  SessionEndedError,
  setSignedIn,
  subscribeSignInNeeded,
} from './session-expiry';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unauthenticated = () => json(401, { status: 401, code: 'UNAUTHENTICATED', title: 'Sign in first' });

/** fetch answering each call with the next response of `answers`. */
function answer(...answers: Array<() => Response>) {
  const queue = [...answers];
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      const next = queue.shift();
      if (!next) throw new Error('no more answers');
      return next();
    }),
  );
}

/** Resolves once the sign-in dialog would open. */
const signInAsked = () =>
  new Promise<void>((resolve) => {
    if (isSignInNeeded()) return resolve();
    const stop = subscribeSignInNeeded(() => {
      if (isSignInNeeded()) {
        stop();
        resolve();
      }
    });
  });

afterEach(() => {
  abandonSignIn();
  setSignedIn(false);
  vi.unstubAllGlobals();
});

describe('a request whose session has ended', () => {
  it('waits for the user to sign in again, then is sent again with the same body', async () => {
    setSignedIn(true);
    answer(unauthenticated, () => json(200, { id: 'n1', text: 'typed' }));
    const saving = api.call('updatePartner', { params: { id: 'p1' }, body: { version: 1, notes: 'typed' } });
    await signInAsked();
    expect(fetch).toHaveBeenCalledTimes(1);

    resumeAfterSignIn();
    await expect(saving).resolves.toEqual({ id: 'n1', text: 'typed' });
    expect(isSignInNeeded()).toBe(false);
    const calls = vi.mocked(fetch).mock.calls;
    expect(calls).toHaveLength(2);
    expect(calls[1]?.[1]).toMatchObject({ method: 'PATCH', body: '{"version":1,"notes":"typed"}' });
  });

  it('asks once for several requests that failed together, and sends each again', async () => {
    setSignedIn(true);
    answer(
      unauthenticated,
      unauthenticated,
      () => json(200, { a: 1 }),
      () => json(200, { b: 2 }),
    );
    const listener = vi.fn();
    const stop = subscribeSignInNeeded(listener);
    const first = api.call('getToday');
    const second = api.call('listPartners');
    await signInAsked();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    resumeAfterSignIn();
    const results = await Promise.all([first, second]);
    expect(results).toHaveLength(2);
    // Opened once, closed once.
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
  });

  it('fails when the user gives up signing in', async () => {
    setSignedIn(true);
    answer(unauthenticated);
    const saving = api.call('logTouch', { body: { kind: 'call', summary: 'x' } });
    await signInAsked();
    abandonSignIn();
    await expect(saving).rejects.toBeInstanceOf(SessionEndedError);
  });
});

describe('a 401 that is the answer itself', () => {
  it('fails at once when nobody is signed in', async () => {
    answer(unauthenticated);
    await expect(api.call('getToday')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(isSignInNeeded()).toBe(false);
  });

  it('fails at once for a wrong password, even while signed in (the dialog itself signs in this way)', async () => {
    setSignedIn(true);
    answer(() => json(401, { status: 401, code: 'INVALID_CREDENTIALS', detail: 'email or password is wrong' }));
    const error = await api.call('signIn', { body: { email: 'a@b.c', password: 'nope' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isSignInNeeded()).toBe(false);
  });

  it('fails at once for an invitation or a password reset', async () => {
    setSignedIn(true);
    answer(unauthenticated, unauthenticated);
    await expect(api.call('acceptInvitation', { body: { token: 't', name: 'N', password: 'p' } })).rejects.toMatchObject({
      status: 401,
    });
    await expect(api.call('completePasswordReset', { body: { token: 't', password: 'p' } })).rejects.toMatchObject({
      status: 401,
    });
    expect(isSignInNeeded()).toBe(false);
  });
});
