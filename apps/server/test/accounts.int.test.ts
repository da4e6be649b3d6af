import { createHash } from 'node:crypto';
import { apiTokens, auditLog, authSessions } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, TOKEN_REQUESTS_PER_MINUTE } from '../src/app';
import {
  ADMIN,
  anonymous,
  cookieOf,
  expectProblem,
  NOW,
  requester,
  type SignedIn,
  signInAs,
  startApi,
  type TestApi,
} from './support';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const bearer = (token: string) => ({ authorization: `Bearer ${token}`, cookie: '' });

describe('the first run', () => {
  it('needs setup on an empty workspace, sets up the first admin once, signed in, and never again', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ database, now: () => NOW, webRoot: null });
    try {
      const call = requester(app, () => ({}));
      expect((await call('GET', '/api/session')).body).toEqual({ needsSetup: true, user: null });
      expectProblem(await call('GET', '/api/partners'), 401);
      // Two set-ups at once: exactly one wins.
      const [a, b] = await Promise.all([
        call('POST', '/api/setup', ADMIN),
        call('POST', '/api/setup', { ...ADMIN, email: 'other@example.com' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const won = a.status === 201 ? a : b;
      expect(won.body).toMatchObject({ needsSetup: false, user: { role: 'admin', partnerId: null } });
      expect(won.body.user.permissions).toContain('users:manage');
      const setCookie = String(won.headers['set-cookie']);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).not.toMatch(/Secure/i);
      const session = await call('GET', '/api/session', undefined, { cookie: cookieOf(won) });
      expect(session.body).toMatchObject({ needsSetup: false, user: { email: won.body.user.email } });
      expectProblem(await call('POST', '/api/setup', { ...ADMIN, email: 'late@example.com' }), 409);
      expect((await call('GET', '/api/session')).body).toEqual({ needsSetup: false, user: null });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('sets Secure cookies when the public URL is https, and refuses a short password naming the field', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ database, now: () => NOW, webRoot: null, publicUrl: 'https://partners.example.com' });
    try {
      const call = requester(app, () => ({}));
      expectProblem(await call('POST', '/api/setup', { ...ADMIN, password: 'short' }), 400, 'password');
      const setup = await call('POST', '/api/setup', ADMIN);
      expect(setup.status).toBe(201);
      expect(String(setup.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('accounts over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  const signIn = (email: string, password: string) => anonymous(api)('POST', '/api/session', { email, password });
  const auditKinds = async (kind: string) =>
    (await api.get(`/api/audit?kind=${kind}&limit=500`)).body.items as { detail: Record<string, unknown>; actorName: string }[];

  it('answers 401 problem+json to anonymous requests on protected routes', async () => {
    const call = anonymous(api);
    for (const url of ['/api/partners', '/api/users', '/api/tokens', '/api/audit', '/api/sessions']) {
      const res = await call('GET', url);
      expectProblem(res, 401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    expect((await call('GET', '/api/health')).status).toBe(200);
  });

  it('signs in with the right password, refuses a wrong one with 401 and audits both', async () => {
    const ok = await signIn(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    const wrong = await signIn(ADMIN.email, 'not the password at all');
    expectProblem(wrong, 401);
    expect(wrong.body.detail).toBe('email or password is wrong');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expectProblem(await signIn('nobody@example.com', 'whatever it is'), 401);
    const failed = await auditKinds('sign-in-failed');
    expect(failed.map((e) => e.detail.reason)).toEqual(expect.arrayContaining(['wrong password', 'unknown email']));
    expect((await auditKinds('sign-in')).length).toBeGreaterThan(0);
    const raw = JSON.stringify(await api.database.db.select().from(auditLog));
    expect(raw).not.toContain('not the password at all');
    expect(raw).not.toContain(ADMIN.password);
  });

  it('locks an account after 5 failed sign-ins: 429 with Retry-After, even with the right password', async () => {
    const user = await signInAs(api, 'manager', { password: 'the right password' });
    for (let i = 0; i < 5; i++) expectProblem(await signIn(user.email, 'a wrong password'), 401);
    const locked = await signIn(user.email, 'the right password');
    expectProblem(locked, 429);
    expect(Number(locked.headers['retry-after'])).toBe(60);
    // The account's own sessions keep working: the lockout guards sign-in only.
    expect((await user.get('/api/session')).body.user.email).toBe(user.email);
  });

  it('lists your sessions, revokes one, signs out, and signs out everywhere', async () => {
    const user = await signInAs(api, 'director', { password: 'the right password' });
    const second = cookieOf(await signIn(user.email, 'the right password'));
    const third = cookieOf(await signIn(user.email, 'the right password'));
    const list = await user.get('/api/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const asSecond = (method: string, url: string) => user.request(method, url, undefined, { cookie: second });
    const secondId = (await asSecond('GET', '/api/sessions')).body.items.find((s: { current: boolean }) => s.current).id;
    expect((await user.del(`/api/sessions/${secondId}`)).status).toBe(204);
    expectProblem(await asSecond('GET', '/api/partners'), 401);
    // Someone else's session is not yours to end.
    expectProblem(await api.del(`/api/sessions/${secondId}`), 404);
    // Sign out this one.
    const signOut = await user.request('DELETE', '/api/session', undefined, { cookie: third });
    expect(signOut.status).toBe(204);
    expect(String(signOut.headers['set-cookie'])).toMatch(/Max-Age=0/i);
    expectProblem(await user.request('GET', '/api/partners', undefined, { cookie: third }), 401);
    // Sign out everywhere.
    const fourth = cookieOf(await signIn(user.email, 'the right password'));
    expect((await user.del('/api/sessions')).status).toBe(204);
    expectProblem(await user.get('/api/partners'), 401);
    expectProblem(await user.request('GET', '/api/partners', undefined, { cookie: fourth }), 401);
  });

  it('invites with a 7-day link, looks it up, accepts it once, and refuses it again', async () => {
    const partner = (await api.post('/api/partners', { name: 'Invited Partner' })).body;
    expectProblem(await api.post('/api/invitations', { email: 'p@example.com', role: 'partner_member' }), 400, 'partnerId');
    expectProblem(await api.post('/api/invitations', { email: ADMIN.email, role: 'viewer' }), 409, 'email');
    const invited = await api.post('/api/invitations', {
      email: 'Pat@Example.com',
      role: 'partner_admin',
      partnerId: partner.id,
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toMatchObject({
      email: 'pat@example.com',
      role: 'partner_admin',
      partnerId: partner.id,
      emailed: false,
    });
    expect(invited.body.invitedBy).toBe(ADMIN.name);
    expect(Date.parse(invited.body.expiresAt) - NOW.getTime()).toBe(7 * 24 * 3600 * 1000);
    const url = new URL(invited.body.url);
    expect(url.pathname).toBe('/invite');
    const token = url.searchParams.get('token')!;
    expect((await api.get('/api/invitations')).body.items.map((i: { id: string }) => i.id)).toContain(invited.body.id);

    const call = anonymous(api);
    const lookup = await call('GET', `/api/invitations/lookup?token=${encodeURIComponent(token)}`);
    expect(lookup.body).toMatchObject({ email: 'pat@example.com', role: 'partner_admin' });
    const accepted = await call('POST', '/api/invitations/accept', { token, name: 'Pat Partner', password: 'pats password!' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.user).toMatchObject({
      name: 'Pat Partner',
      role: 'partner_admin',
      partnerId: partner.id,
      permissions: [],
    });
    expect(cookieOf(accepted)).toMatch(/session_token=/);
    expectProblem(
      await call('POST', '/api/invitations/accept', { token, name: 'Again', password: 'pats password!' }),
      400,
      'token',
    );
    expectProblem(await call('GET', `/api/invitations/lookup?token=${encodeURIComponent(token)}`), 404);
    expect((await api.get('/api/invitations')).body.items.map((i: { id: string }) => i.id)).not.toContain(invited.body.id);
    // A partner user holds no internal permission.
    expectProblem(await call('GET', '/api/users', undefined, { cookie: cookieOf(accepted) }), 403);
    expect((await auditKinds('invitation-accepted'))[0]).toMatchObject({ actorName: 'Pat Partner' });
  });

  it('refuses an expired invitation (the clock 8 days on) and a revoked one', async () => {
    const invited = await api.post('/api/invitations', { email: 'late@example.com', role: 'viewer' });
    const revoked = await api.post('/api/invitations', { email: 'gone@example.com', role: 'viewer' });
    expect((await api.del(`/api/invitations/${revoked.body.id}`)).status).toBe(204);
    expectProblem(await api.del(`/api/invitations/${revoked.body.id}`), 404);
    const later = await buildApp({ database: api.database, now: () => new Date(NOW.getTime() + 8 * 86_400_000), webRoot: null });
    try {
      const call = requester(later, () => ({}));
      for (const body of [invited.body, revoked.body]) {
        const token = new URL(body.url).searchParams.get('token')!;
        expectProblem(await call('GET', `/api/invitations/lookup?token=${encodeURIComponent(token)}`), 404);
        expectProblem(
          await call('POST', '/api/invitations/accept', { token, name: 'Late', password: 'late password!' }),
          400,
          'token',
        );
      }
    } finally {
      await later.close();
    }
  });

  it('makes a reset link that sets a new password once, and ends the old sessions', async () => {
    const user = await signInAs(api, 'viewer', { password: 'the old password' });
    const link = await api.post(`/api/users/${user.id}/reset-link`);
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect(link.body.emailed).toBe(false);
    expect(Date.parse(link.body.expiresAt) - NOW.getTime()).toBe(3600 * 1000);
    const url = new URL(link.body.url);
    expect(url.pathname).toBe('/reset-password');
    const token = url.searchParams.get('token')!;
    const call = anonymous(api);
    expectProblem(
      await call('POST', '/api/password-reset/complete', { token: 'nope', password: 'a new password' }),
      400,
      'token',
    );
    expect((await call('POST', '/api/password-reset/complete', { token, password: 'the new password' })).status).toBe(204);
    expectProblem(await call('POST', '/api/password-reset/complete', { token, password: 'another password' }), 400, 'token');
    expectProblem(await user.get('/api/partners'), 401);
    expectProblem(await signIn(user.email, 'the old password'), 401);
    expect((await signIn(user.email, 'the new password')).status).toBe(200);
    // Asking for a link answers the same whether or not the email has an account.
    expect((await call('POST', '/api/password-reset', { email: user.email })).status).toBe(202);
    expect((await call('POST', '/api/password-reset', { email: 'nobody@example.com' })).status).toBe(202);
    expect((await auditKinds('password-reset')).length).toBe(1);
  });

  it('checks the session cookie: a forged signature is nobody, a session due its daily extension gets a new cookie, an expired one is nobody', async () => {
    const user = await signInAs(api, 'viewer', { password: 'the right password' });
    const [name, value] = user.cookie.split('=') as [string, string];
    const decoded = decodeURIComponent(value);
    const token = decoded.slice(0, decoded.lastIndexOf('.'));
    // The right token with another signature, and a bare token, are nobody.
    const forged = `${name}=${encodeURIComponent(`${token}.${Buffer.alloc(32, 7).toString('base64')}`)}`;
    expectProblem(await user.request('GET', '/api/partners', undefined, { cookie: forged }), 401);
    expectProblem(await user.request('GET', '/api/partners', undefined, { cookie: `${name}=${token}` }), 401);
    expect((await user.get('/api/partners')).status).toBe(200);
    // Two days old (a week's session with five days left): extended by better-auth, with a new cookie.
    const fiveDays = new Date(Date.now() + 5 * 24 * 3600_000);
    await api.database.db.update(authSessions).set({ expiresAt: fiveDays }).where(eq(authSessions.token, token));
    const extended = await user.get('/api/partners');
    expect(extended.status).toBe(200);
    expect(String(extended.headers['set-cookie'])).toContain(`${name}=`);
    const [row] = await api.database.db.select().from(authSessions).where(eq(authSessions.token, token));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(fiveDays.getTime() + 24 * 3600_000);
    // Expired: nobody, and the session is gone.
    await api.database.db
      .update(authSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.token, token));
    expectProblem(await user.get('/api/partners'), 401);
  });

  it('deactivates a user: their sessions end, their tokens stop working, their history stays', async () => {
    const user = await signInAs(api, 'manager', { password: 'the right password' });
    const partner = await user.post('/api/partners', { name: 'Made By Manager' });
    expect(partner.status).toBe(201);
    const token = (await user.post('/api/tokens', { name: 'script', access: 'read-write' })).body.token as string;
    expect((await api.request('GET', '/api/partners', undefined, bearer(token))).status).toBe(200);
    const current = (await api.get('/api/users')).body.items.find((u: { id: string }) => u.id === user.id);
    const off = await api.patch(`/api/users/${user.id}`, { version: current.version, active: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body).toMatchObject({ active: false, version: current.version + 1 });
    expectProblem(await user.get('/api/partners'), 401);
    expectProblem(await api.request('GET', '/api/partners', undefined, bearer(token)), 401);
    expectProblem(await signIn(user.email, 'the right password'), 401);
    const history = await api.get(`/api/partners/${partner.body.id}/history`);
    expect(history.body.items[0]).toMatchObject({ actor: user.name });
    expectProblem(await api.patch(`/api/users/${user.id}`, { version: current.version, name: 'Stale' }), 409);
    const changed = await auditKinds('user-changed');
    expect(changed[0]?.detail).toMatchObject({ userId: user.id, changes: { active: { from: true, to: false } } });
  });

  it('keeps the last active admin: no demotion, no deactivation', async () => {
    const me = (await api.get('/api/users')).body.items.find((u: { email: string }) => u.email === ADMIN.email);
    expectProblem(await api.patch(`/api/users/${me.id}`, { version: me.version, role: 'viewer' }), 409);
    expectProblem(await api.patch(`/api/users/${me.id}`, { version: me.version, active: false }), 409);
  });

  it('lets only admins manage users, and team roles read them', async () => {
    const manager = await signInAs(api, 'manager');
    expect((await manager.get('/api/users')).status).toBe(200);
    expectProblem(await manager.post('/api/invitations', { email: 'x@example.com', role: 'viewer' }), 403);
    expectProblem(await manager.get('/api/invitations'), 403);
    expectProblem(await manager.get('/api/audit'), 403);
    expectProblem(await manager.patch(`/api/users/${manager.id}`, { version: 1, role: 'admin' }), 403);
  });

  describe('API tokens', () => {
    let owner: SignedIn;
    beforeAll(async () => {
      owner = await signInAs(api, 'manager');
    });

    it('shows a token once and stores only its SHA-256', async () => {
      const created = await owner.post('/api/tokens', { name: 'nightly export', access: 'read', expiresInDays: 30 });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const token = created.body.token as string;
      expect(token).toMatch(/^ptk_[A-Za-z0-9_-]{40,}$/);
      const listed = await owner.get('/api/tokens');
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, name: 'nightly export', access: 'read' }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(token);
      const rows = await api.database.db.select().from(apiTokens);
      const row = rows.find((r) => r.id === created.body.id)!;
      expect(row.tokenHash).toBe(sha256(token));
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('a read-only token reads (last use recorded) and gets 403 on a write; a token cannot mint tokens', async () => {
      const token = (await owner.post('/api/tokens', { name: 'reader', access: 'read' })).body.token as string;
      const read = await api.request('GET', '/api/partners', undefined, bearer(token));
      expect(read.status).toBe(200);
      const session = await api.request('GET', '/api/session', undefined, bearer(token));
      expect(session.body.user.permissions).toEqual(['workspace:read', 'exports:run', 'users:read']);
      expectProblem(await api.request('POST', '/api/partners', { name: 'Read Only Write' }, bearer(token)), 403);
      const writer = (await owner.post('/api/tokens', { name: 'writer', access: 'read-write' })).body.token as string;
      expect((await api.request('POST', '/api/partners', { name: 'By Token' }, bearer(writer))).status).toBe(201);
      expectProblem(await api.request('POST', '/api/tokens', { name: 'more', access: 'read-write' }, bearer(writer)), 403);
      const listed = (await owner.get('/api/tokens')).body.items.find((t: { name: string }) => t.name === 'reader');
      expect(listed.lastUsedAt).toBe(NOW.toISOString());
    });

    it('a revoked, an unknown or an expired token is nobody (401)', async () => {
      const created = (await owner.post('/api/tokens', { name: 'short-lived', access: 'read-write', expiresInDays: 1 })).body;
      expect((await api.request('GET', '/api/partners', undefined, bearer(created.token))).status).toBe(200);
      const later = await buildApp({
        database: api.database,
        now: () => new Date(NOW.getTime() + 2 * 86_400_000),
        webRoot: null,
      });
      try {
        expectProblem(await requester(later, () => bearer(created.token))('GET', '/api/partners'), 401);
      } finally {
        await later.close();
      }
      // Another user's token is revoked by an admin, not by them.
      const other = await signInAs(api, 'viewer');
      expectProblem(await other.del(`/api/tokens/${created.id}`), 403);
      expect((await api.del(`/api/tokens/${created.id}`)).status).toBe(204);
      expectProblem(await api.request('GET', '/api/partners', undefined, bearer(created.token)), 401);
      expectProblem(await api.request('GET', '/api/partners', undefined, bearer(`ptk_${'x'.repeat(43)}`)), 401);
      const revoked = await auditKinds('token-revoked');
      expect(revoked[0]?.detail).toMatchObject({ tokenId: created.id });
      expect(JSON.stringify(await auditKinds('token-created'))).not.toContain(created.token);
    });

    it("a token has no session of its own to end, and can end its user's sessions everywhere", async () => {
      const token = (await owner.post('/api/tokens', { name: 'ops', access: 'read-write' })).body.token as string;
      expect((await api.request('DELETE', '/api/session', undefined, bearer(token))).status).toBe(204);
      expect((await owner.get('/api/partners')).status).toBe(200);
      expect((await api.request('DELETE', '/api/sessions', undefined, bearer(token))).status).toBe(204);
      expectProblem(await owner.get('/api/partners'), 401);
      expect((await api.request('GET', '/api/partners', undefined, bearer(token))).status).toBe(200);
    });
  });

  it('audits exports, backups and secret changes, naming the secret but never holding its value', async () => {
    const settings = await api.get('/api/digests/settings');
    const secret = 'smtp-password-that-must-not-leak';
    const changed = await api.request('PUT', '/api/digests/settings', {
      version: settings.body.version,
      smtpPassword: secret,
      smtpHost: 'mail.example.com',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await auditKinds('secret-changed'))[0]?.detail).toEqual({ fields: ['digests.smtpPassword'] });
    expect((await auditKinds('settings-changed'))[0]?.detail).toEqual({ fields: ['digests.smtpHost'] });
    expect((await api.request('GET', '/api/exports?format=csv')).status).toBe(200);
    expect((await auditKinds('export'))[0]?.detail).toMatchObject({ entity: 'partner', format: 'csv' });
    expect((await api.app.inject({ method: 'GET', url: '/api/backup', headers: { cookie: api.cookie } })).statusCode).toBe(200);
    expect((await auditKinds('backup'))[0]?.detail).toMatchObject({ rows: { partners: expect.any(Number) } });
    expect(JSON.stringify(await api.database.db.select().from(auditLog))).not.toContain(secret);
  });

  it('pages the audit log newest first', async () => {
    const first = await api.get('/api/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(Number(first.body.items[0].id)).toBeGreaterThan(Number(first.body.items[1].id));
    const next = await api.get(`/api/audit?limit=2&before=${first.body.next}`);
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));
    expect((await api.get('/api/audit?kind=setup')).body.items).toEqual([
      expect.objectContaining({ kind: 'setup', actorName: ADMIN.name, detail: { email: ADMIN.email } }),
    ]);
  });

  it('keeps the sign-in limit whatever Authorization header comes with it, and limits requests with an API token per address', async () => {
    const app = await buildApp({ database: api.database, now: () => NOW, webRoot: null });
    try {
      const guess = requester(app, () => bearer('ptk_a-guess-that-is-no-token'));
      // Sign-in keeps its own, lower limit, whatever Authorization header comes with it.
      let signIn = await guess('POST', '/api/session', { email: 'nobody-0@example.com', password: 'wrong password' });
      for (let i = 1; i < 40 && signIn.status !== 429; i++) {
        signIn = await guess('POST', '/api/session', { email: `nobody-${i}@example.com`, password: 'wrong password' });
      }
      expectProblem(signIn, 429);
      for (let i = 0; i < TOKEN_REQUESTS_PER_MINUTE; i++) expectProblem(await guess('GET', '/api/partners'), 401);
      const over = await guess('GET', '/api/partners');
      expectProblem(over, 429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('limits password reset requests per address: 429 with Retry-After', async () => {
    const call = anonymous(api);
    let last = await call('POST', '/api/password-reset', { email: 'someone@example.com' });
    for (let i = 0; i < 10 && last.status !== 429; i++) {
      last = await call('POST', '/api/password-reset', { email: 'someone@example.com' });
    }
    expectProblem(last, 429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
