// An expired (or revoked) session must never cost the user what they were typing. When a request
// answers 401 while the app believes it is signed in, the request waits here instead of failing: the
// sign-in dialog (features/auth) opens over the current page, which stays mounted with its form state,
// and once the user has signed in again the request is sent again and its caller never sees the 401.

import { endpoints } from '@ptrack/contracts/endpoints';

type Waiter = { resolve(): void; reject(error: unknown): void };

// Requests whose 401 is their answer (a wrong password, an unknown invitation), not an ended session.
// A path covers the paths under it (password-reset covers password-reset/complete).
const OWN_ANSWER_PATHS: string[] = [
  endpoints.signIn.path,
  endpoints.setup.path,
  endpoints.requestPasswordReset.path,
  endpoints.lookupInvitation.path,
  endpoints.acceptInvitation.path,
];

let signedIn = false;
let waiters: Waiter[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Tells the client whether a user is signed in (set from `GET /api/session` and by sign-in/out). */
export function setSignedIn(value: boolean): void {
  signedIn = value;
}

/** True while requests wait for the user to sign in again (the dialog is open). */
export function isSignInNeeded(): boolean {
  return waiters.length > 0;
}

/** For React's useSyncExternalStore: called whenever isSignInNeeded may have changed. */
export function subscribeSignInNeeded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The user signed in again: every waiting request is sent again. */
export function resumeAfterSignIn(): void {
  const resumed = waiters;
  waiters = [];
  signedIn = true;
  for (const waiter of resumed) waiter.resolve();
  emit();
}

/** The user chose not to sign in again: waiting requests fail with their 401. */
export function abandonSignIn(): void {
  const abandoned = waiters;
  waiters = [];
  signedIn = false;
  for (const waiter of abandoned) waiter.reject(new SessionEndedError());
  emit();
}

export class SessionEndedError extends Error {
  override readonly name = 'SessionEndedError';
  constructor() {
    super('You are signed out.');
  }
}

const isUnauthenticated = (error: unknown) => (error as { status?: unknown } | null)?.status === 401;
const answersItself = (url: string) => {
  const path = url.split('?')[0] ?? url;
  return OWN_ANSWER_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
};

/** Sends a request; a 401 of an ended session waits for the user to sign in again, then sends it again. */
export async function withSignIn<T>(path: string, send: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if (!signedIn || !isUnauthenticated(error) || answersItself(path)) throw error;
      await new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        if (waiters.length === 1) emit();
      });
    }
  }
}
