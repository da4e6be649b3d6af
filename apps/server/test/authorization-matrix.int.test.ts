import {
  type AccessScope,
  type AccessSettings,
  type AccessSubject,
  decide,
  PERMISSIONS,
  type Permission,
  type Role,
} from '@ptrack/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRoutePolicies } from '../src/route-policy';
import { CSRF_HEADER } from '../src/security';
import { ADMIN, cookieOf, signInAs, startApi, type TestApi, TODAY, UNKNOWN_ID } from './support';

// Issue 12 acceptance: every operation of the OpenAPI document × every persona → the status the policy
// table predicts. 0 unexpected allows, 0 unexpected denials. The personas are real users, signed in with
// real sessions (the app's own authentication, nothing injected).

const PERSONAS = ['anonymous', 'viewer', 'managerOwner', 'managerOther', 'director', 'admin', 'partnerUser'] as const;
type Persona = (typeof PERSONAS)[number];

const SETTINGS: AccessSettings = { managersEditOwnPartnersOnly: true };
const PASSWORD = 'a long enough password';

/** A real, signed-in user: what the server says they are, and the session cookie they send. */
type Person = { actor: AccessSubject; email: string; password: string; cookie: string };

type Records = {
  partner: string;
  rep: string;
  touch: string;
  action: string;
  referral: string;
  account: string;
  plan: string;
  view: string;
};
type World = {
  A: Records;
  B: Records;
  customField: string;
  importId: string;
  owners: { A: string; B: string };
  /** A user who is none of the personas: the one whose account users:manage operations change. */
  bystander: string;
  pendingInvitation: string;
  /** An API token of the acting persona (the admin's for anonymous). */
  token: string;
  /** The session an operation ending a session ends: the acting persona's current one. */
  session: string;
};

/** Whose records a persona asks for: partner A's (owned by M1), except the partner user of A, who asks for B's. */
const targetOf = (persona: Persona): 'A' | 'B' => (persona === 'partnerUser' ? 'B' : 'A');

type Operation = {
  method: string;
  path: string;
  permission: Permission | null;
  /** Any signed-in user, about their own account (x-signed-in). */
  signedIn: boolean;
  body: boolean;
  requiredQuery: string[];
};

type Json = Record<string, unknown>;

/** The signed-in user behind a cookie, as the server resolves it. */
async function personOf(api: TestApi, email: string, password: string, cookie: string): Promise<Person> {
  const state = await api.request('GET', '/api/session', undefined, { cookie });
  const user = state.body.user as { id: string; role: Role; partnerId: string | null } | null;
  if (!user) throw new Error(`${email} is not signed in: ${JSON.stringify(state.body)}`);
  return { actor: { role: user.role, userId: user.id, partnerId: user.partnerId }, email, password, cookie };
}

/**
 * A workspace set up the way people use it: the first admin (POST /api/setup) invites the other personas,
 * each accepts and is signed in. M1 owns partner A, M2 owns partner B, the partner user belongs to A.
 */
async function startWorld(
  acting: Persona,
): Promise<{ api: TestApi; world: World; people: Record<Persona, Person | null>; close(): Promise<void> }> {
  const api = await startApi();
  const admin = async (method: string, url: string, payload?: unknown, headers?: Record<string, string>): Promise<Json> => {
    const res = await api.request(method, url, payload, headers);
    if (res.status >= 300) throw new Error(`seeding ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Json;
  };
  const settings = await admin('GET', '/api/settings');
  await admin('PATCH', '/api/settings', { version: settings.version, managersEditOwnPartnersOnly: true });

  const invite = async (role: Role, partnerId?: string): Promise<Person> => {
    const user = await signInAs(api, role, { password: PASSWORD, ...(partnerId ? { partnerId } : {}) });
    return personOf(api, user.email, PASSWORD, user.cookie);
  };
  const viewer = await invite('viewer');
  const m1 = await invite('manager');
  const m2 = await invite('manager');
  const director = await invite('director');

  const seed = async (label: string, ownerUserId: string): Promise<Records> => {
    const partner = (await admin('POST', '/api/partners', { name: `Partner ${label}`, ownerUserId })).id as string;
    const rep = (await admin('POST', '/api/reps', { partnerId: partner, name: `Rep ${label}` })).id as string;
    const touch = ((await admin('POST', '/api/touches', { repId: rep, kind: 'email' })).touch as Json).id as string;
    const action = (await admin('POST', '/api/actions', { partnerId: partner, dueDate: '2026-02-10' })).id as string;
    const referral = (await admin('POST', '/api/referrals', { partnerId: partner, introducedAt: TODAY })).id as string;
    const account = (await admin('POST', '/api/accounts', { name: `Account ${label}` })).id as string;
    const plan = (await admin('POST', '/api/plans', { partnerId: partner, goal: `Plan ${label}` })).id as string;
    const view = (await admin('POST', '/api/views', { name: `View ${label}`, definition: {} })).id as string;
    return { partner, rep, touch, action, referral, account, plan, view };
  };
  const A = await seed('A', m1.actor.userId as string);
  const B = await seed('B', m2.actor.userId as string);
  const partnerUser = await invite('partner_admin', A.partner);
  const bystander = (await signInAs(api, 'viewer', { password: PASSWORD })).id;
  const people: Record<Persona, Person | null> = {
    anonymous: null,
    viewer,
    managerOwner: m1,
    managerOther: m2,
    director,
    admin: await personOf(api, ADMIN.email, ADMIN.password, api.cookie),
    partnerUser,
  };

  const customField = (await admin('POST', '/api/custom-fields', { entity: 'partner', label: 'Region', type: 'text' }))
    .id as string;
  const upload = await admin('POST', '/api/imports?fileName=seed.csv&entity=partner', 'Partner Name,Owner\nImported,Sam\n', {
    'content-type': 'text/csv',
  });
  const pendingInvitation = (await admin('POST', '/api/invitations', { email: 'pending@example.com', role: 'viewer' }))
    .id as string;
  const tokenOwner = people[acting] ?? people.admin!;
  const token = (await admin('POST', '/api/tokens', { name: 'Seeded', access: 'read' }, { cookie: tokenOwner.cookie }))
    .id as string;
  const world: World = {
    A,
    B,
    customField,
    importId: upload.id as string,
    owners: { A: m1.actor.userId as string, B: m2.actor.userId as string },
    bystander,
    pendingInvitation,
    token,
    session: UNKNOWN_ID,
  };
  return { api, world, people, close: () => api.close() };
}

function operationsOf(document: Json): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const permission = (op['x-permission'] as Permission | undefined) ?? null;
      if (permission === null && op['x-public'] !== true && op['x-signed-in'] !== true)
        throw new Error(`${method.toUpperCase()} ${path} has no policy entry`);
      const parameters = (op.parameters as { in: string; name: string; required?: boolean }[] | undefined) ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        permission,
        signedIn: op['x-signed-in'] === true,
        body: op.requestBody !== undefined,
        requiredQuery: parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name),
      });
    }
  }
  return operations;
}

// Deletes last, children before parents, so every other operation still finds its records.
const DELETE_ORDER = [
  '/api/touches',
  '/api/actions',
  '/api/referrals',
  '/api/plans',
  '/api/reps',
  '/api/views',
  '/api/custom-fields',
  '/api/accounts',
  '/api/partners',
];
/**
 * Operations that end the acting persona's session: the very last of a run, each sent with a session
 * signed in just before it, so the rest of the run keeps the persona's own session. Signing out everywhere
 * goes last of all, as it also ends the session the workspace was set up with.
 */
const SESSION_ENDING = ['DELETE /api/sessions/{id}', 'DELETE /api/session', 'DELETE /api/sessions'];
function runOrder(op: Operation): number {
  const ending = SESSION_ENDING.indexOf(`${op.method} ${op.path}`);
  if (ending >= 0) return 100 + ending;
  if (op.method !== 'DELETE') return op.path === '/api/restore' || op.path === '/api/demo' ? -1 : 0;
  return 1 + DELETE_ORDER.findIndex((prefix) => op.path.startsWith(prefix));
}

let unique = 0;
const fresh = (label: string) => `${label} ${++unique}`;

/** The concrete request of an operation for a persona: path ids of its target partner's records, a minimally valid body. */
function requestFor(op: Operation, world: World, persona: Persona): { url: string; payload?: unknown; contentType?: string } {
  const t = targetOf(persona);
  const r = world[t];
  const idFor: Record<string, string> = {
    '/api/partners/': r.partner,
    '/api/reps/': r.rep,
    '/api/touches/': r.touch,
    '/api/actions/': r.action,
    '/api/referrals/': r.referral,
    '/api/accounts/': r.account,
    '/api/plans/': r.plan,
    '/api/views/': r.view,
    '/api/custom-fields/': world.customField,
    '/api/imports/': world.importId,
    '/api/users/': world.bystander,
    '/api/invitations/': world.pendingInvitation,
    '/api/tokens/': world.token,
    '/api/sessions/': world.session,
  };
  let url = op.path
    .replace('{name}', 'digest')
    .replace('{file}', 'not-the-feed.ics')
    .replace('{id}', () => {
      const prefix = Object.keys(idFor).find((p) => op.path.startsWith(p));
      if (!prefix) throw new Error(`no record for ${op.path}`);
      return idFor[prefix]!;
    });
  const query: Record<string, string> = { partnerId: r.partner, fileName: 'sheet.csv', token: 'not-a-real-token' };
  const params = op.requiredQuery.map((name) => `${name}=${encodeURIComponent(query[name] ?? 'x')}`);
  if (params.length > 0) url += `?${params.join('&')}`;
  const key = `${op.method} ${op.path}`;
  const nobody = { email: 'nobody@example.com', password: 'not the password at all' };
  const bodies: Record<string, unknown> = {
    'POST /api/partners': { name: fresh('Partner'), ownerUserId: world.owners[t] },
    'PATCH /api/partners/{id}': { version: 0, notes: fresh('note') },
    'POST /api/reps': { partnerId: r.partner, name: fresh('Rep') },
    'PATCH /api/reps/{id}': { version: 0, title: fresh('Title') },
    'POST /api/touches': { partnerId: r.partner, kind: 'call' },
    'POST /api/actions': { partnerId: r.partner, dueDate: '2026-03-01' },
    'POST /api/actions/reschedule-overdue': { startDate: TODAY },
    'PATCH /api/actions/{id}': { version: 0, notes: fresh('note') },
    'POST /api/actions/{id}/complete': {},
    'POST /api/actions/{id}/snooze': { days: 1 },
    'POST /api/referrals': { partnerId: r.partner, introducedAt: TODAY },
    'PATCH /api/referrals/{id}': { version: 0, expectedCloseDate: '2026-06-30' },
    'POST /api/accounts': { name: fresh('Account') },
    'PATCH /api/accounts/{id}': { version: 0, name: fresh('Account') },
    'POST /api/plans': { partnerId: r.partner, goal: fresh('Goal') },
    'PATCH /api/plans/{id}': { version: 0, goal: fresh('Goal') },
    'POST /api/views': { name: fresh('View'), definition: {} },
    'PATCH /api/views/{id}': { version: 0, name: fresh('View') },
    'POST /api/custom-fields': { entity: 'rep', label: fresh('Field'), type: 'text' },
    'PATCH /api/custom-fields/{id}': { version: 0, label: fresh('Field') },
    'PATCH /api/settings': { version: 0 },
    'PUT /api/digests/settings': { version: 0 },
    'POST /api/digests/send': { to: 'slack' },
    'PATCH /api/hubspot/connection': {},
    'POST /api/hubspot/sync': { mode: 'incremental' },
    'PATCH /api/imports/{id}': { version: 0, mapping: {} },
    'POST /api/demo': { seed: 1 },
    'POST /api/hubspot/webhook': '[]',
    // Accounts: the public ones with well-formed requests that cannot succeed (the same answer for everyone).
    'POST /api/setup': { name: 'Second Admin', email: `setup-${++unique}@example.com`, password: nobody.password },
    'POST /api/session': nobody,
    'POST /api/password-reset': { email: nobody.email },
    'POST /api/password-reset/complete': { token: 'not-a-real-token', password: nobody.password },
    'POST /api/invitations/accept': { token: 'not-a-real-token', name: 'Nobody', password: nobody.password },
    'POST /api/invitations': { email: `invitee-${++unique}@example.com`, role: 'viewer' },
    'PATCH /api/users/{id}': { version: 0, name: fresh('Someone') },
    'POST /api/tokens': { name: fresh('Token'), access: 'read' },
  };
  if (key === 'POST /api/imports') return { url, payload: 'Partner Name\nUploaded\n', contentType: 'text/csv' };
  if (key === 'POST /api/restore') return { url, payload: '', contentType: 'application/x-ndjson' };
  if (!op.body) return { url };
  return { url, payload: bodies[key] ?? {}, contentType: 'application/json' };
}

/** The version the record at `url` has now, so an allowed write is not refused as stale. */
async function currentVersion(api: TestApi, op: Operation, url: string): Promise<number | null> {
  if (op.path === '/api/users/{id}') {
    const id = url.split('?')[0]!.split('/').pop();
    const users = await api.get('/api/users');
    return (users.body.items as { id: string; version: number }[]).find((u) => u.id === id)?.version ?? null;
  }
  const readUrl = op.path === '/api/digests/settings' ? '/api/digests/settings' : url.split('?')[0]!;
  const res = await api.get(readUrl);
  return res.status === 200 ? ((res.body as Json).version as number) : null;
}

// Writes over every partner at once: a manager bound to their own partners is not refused, the use case
// only touches the partners they own.
const WORKSPACE_WIDE_WRITES = new Set(['/api/actions/reschedule-overdue']);

// Runs that write every partner's records at once: refused to a manager bound to their own partners.
const EVERY_PARTNER_RUNS = new Set(['/api/imports/{id}/apply', '/api/hubspot/sync', '/api/hubspot/push']);

function expectedOf(
  op: Operation,
  world: World,
  actor: AccessSubject | null,
  persona: Persona,
): 'public' | 401 | 403 | 'allowed' {
  if (op.permission === null && !op.signedIn) return 'public';
  if (!actor) return 401;
  if (op.permission === null) return 'allowed';
  // Partner writes are about the target partner (its owner); accounts belong to no partner.
  const scope: AccessScope | undefined = EVERY_PARTNER_RUNS.has(op.path)
    ? { everyPartner: true }
    : op.permission === 'partners:write' && !op.path.startsWith('/api/accounts') && !WORKSPACE_WIDE_WRITES.has(op.path)
      ? { ownerUserId: world.owners[targetOf(persona)] }
      : undefined;
  return decide(actor, op.permission, scope, SETTINGS).allowed ? 'allowed' : 403;
}

type Outcome = { persona: Persona; op: string; status: number; expected: ReturnType<typeof expectedOf>; body: string };

describe('the authorization matrix (every operation of the OpenAPI document × every persona, signed in for real)', () => {
  const outcomes: Outcome[] = [];
  /** Who the cookie of a session-ending operation still signs in, asked right after it. */
  const signedOut: { persona: Persona; op: string; user: unknown }[] = [];
  let operations: Operation[] = [];

  beforeAll(async () => {
    for (const persona of PERSONAS) {
      // A fresh workspace per persona: what one persona changes or deletes cannot answer for another.
      const { api, world, people, close } = await startWorld(persona);
      try {
        const person = people[persona];
        const openapi = await api.get('/api/openapi.json');
        if (openapi.status !== 200) throw new Error(`GET /api/openapi.json: ${openapi.status} ${JSON.stringify(openapi.body)}`);
        operations = operationsOf(openapi.body as Json).sort((a, b) => runOrder(a) - runOrder(b));
        for (const op of operations) {
          let cookie = person?.cookie;
          if (person && SESSION_ENDING.includes(`${op.method} ${op.path}`)) {
            // A session of its own for each operation that ends one; DELETE /api/sessions/{id} ends this one.
            const signedIn = await api.request(
              'POST',
              '/api/session',
              { email: person.email, password: person.password },
              { cookie: '' },
            );
            if (signedIn.status !== 200)
              throw new Error(`signing ${persona} in again: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
            cookie = cookieOf(signedIn);
            const sessions = await api.request('GET', '/api/sessions', undefined, { cookie });
            world.session = (sessions.body.items as { id: string; current: boolean }[]).find((s) => s.current)!.id;
          }
          const { url, payload, contentType } = requestFor(op, world, persona);
          let body = payload;
          if (body && typeof body === 'object' && 'version' in body) {
            body = { ...body, version: (await currentVersion(api, op, url)) ?? 1 };
          }
          const res = await api.app.inject({
            method: op.method as 'GET',
            url,
            headers: {
              // As the web app does: every request carries the CSRF header; a signed-in one its session cookie.
              [CSRF_HEADER]: '1',
              ...(cookie ? { cookie } : {}),
              ...(contentType ? { 'content-type': contentType } : {}),
            },
            ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          if (cookie && SESSION_ENDING.includes(`${op.method} ${op.path}`)) {
            const after = await api.request('GET', '/api/session', undefined, { cookie });
            signedOut.push({ persona, op: `${op.method} ${op.path}`, user: after.body.user });
          }
          outcomes.push({
            persona,
            op: `${op.method} ${op.path}`,
            status: res.statusCode,
            expected: expectedOf(op, world, person?.actor ?? null, persona),
            body: res.body.slice(0, 200),
          });
        }
      } finally {
        await close();
      }
    }
  }, 900_000);

  it('covers every operation for every persona', () => {
    expect(operations.length).toBeGreaterThan(60);
    expect(outcomes).toHaveLength(operations.length * PERSONAS.length);
    // Every permission a route can declare is one of the policy's.
    for (const op of operations) if (op.permission) expect(PERMISSIONS).toContain(op.permission);
  });

  it('has no unexpected allow: anonymous gets 401 and a denied permission 403', () => {
    const allows = outcomes.filter((o) => (o.expected === 401 || o.expected === 403) && o.status !== o.expected);
    expect(allows.map((o) => `${o.persona} ${o.op}: ${o.status}, expected ${o.expected} — ${o.body}`)).toEqual([]);
  });

  it('has no unexpected denial: an allowed permission is never answered 401 or 403', () => {
    const denials = outcomes.filter((o) => o.expected === 'allowed' && (o.status === 401 || o.status === 403));
    expect(denials.map((o) => `${o.persona} ${o.op}: ${o.status} — ${o.body}`)).toEqual([]);
  });

  it('answers a public operation the same whoever asks (signed in or not), short of a rate limit', () => {
    const byOp = new Map<string, number>();
    for (const o of outcomes) if (o.expected === 'public' && o.persona === 'anonymous') byOp.set(o.op, o.status);
    const differing = outcomes.filter(
      (o) => o.expected === 'public' && o.status !== byOp.get(o.op) && o.status !== 429 && byOp.get(o.op) !== 429,
    );
    expect(differing.map((o) => `${o.persona} ${o.op}: ${o.status} vs anonymous ${byOp.get(o.op)}`)).toEqual([]);
  });

  it('really executes most allowed requests (2xx), not only gets past the check', () => {
    const allowed = outcomes.filter((o) => o.expected === 'allowed');
    const executed = allowed.filter((o) => o.status >= 200 && o.status < 300);
    const notExecuted = allowed.filter((o) => o.status >= 300).map((o) => `${o.persona} ${o.op}: ${o.status}`);
    expect(executed.length / allowed.length, notExecuted.join('\n')).toBeGreaterThan(0.75);
  });

  it('ends the session an operation ends: each persona signs out for real, last', () => {
    for (const o of outcomes.filter((o) => SESSION_ENDING.includes(o.op) && o.persona !== 'anonymous'))
      expect(o.status, `${o.persona} ${o.op}: ${o.body}`).toBe(204);
    expect(signedOut).toHaveLength(SESSION_ENDING.length * (PERSONAS.length - 1));
    for (const o of signedOut) expect(o.user, `${o.persona} ${o.op}`).toBeNull();
  });

  it('denies some and allows some for every signed-in team persona', () => {
    for (const persona of ['viewer', 'managerOwner', 'managerOther', 'director'] as const) {
      const mine = outcomes.filter((o) => o.persona === persona && o.expected !== 'public');
      expect(mine.some((o) => o.expected === 403)).toBe(true);
      expect(mine.some((o) => o.expected === 'allowed')).toBe(true);
    }
  });
});

describe('a route without a policy entry', () => {
  let app: FastifyInstance;
  beforeAll(() => {
    app = Fastify();
    requireRoutePolicies(app);
  });
  afterAll(() => app.close());

  it('stops the app from starting', () => {
    expect(() => app.get('/api/forgotten', async () => 'ok')).toThrow(/GET \/api\/forgotten declares no access policy/);
  });

  it('is fine outside /api, and with a permission or public: true', () => {
    expect(() => app.get('/elsewhere', async () => 'ok')).not.toThrow();
    expect(() => app.get('/api/declared', { config: { permission: 'workspace:read' } }, async () => 'ok')).not.toThrow();
    expect(() => app.get('/api/open', { config: { public: true } }, async () => 'ok')).not.toThrow();
  });

  it('refuses a permission the policy does not know', () => {
    expect(() => app.get('/api/typo', { config: { permission: 'partner:write' as never } }, async () => 'ok')).toThrow(
      /declares no access policy/,
    );
  });
});
