import { type AccessScope, type AccessSettings, AppError, decide, PERMISSIONS, type Permission, type Role } from '@ptrack/domain';
import type { Actor } from '@ptrack/services';
import { openTestDatabase } from '@ptrack/storage/testing';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { requireRoutePolicies } from '../src/route-policy';
import { NOW, TODAY } from './support';

// Issue 12 acceptance: every operation of the OpenAPI document × every persona → the status the policy
// table predicts. 0 unexpected allows, 0 unexpected denials.

const PERSONAS = ['anonymous', 'viewer', 'managerOwner', 'managerOther', 'director', 'admin', 'partnerUser'] as const;
type Persona = (typeof PERSONAS)[number];

const USERS = {
  viewer: '10000000-0000-4000-8000-000000000001',
  m1: '10000000-0000-4000-8000-000000000002',
  m2: '10000000-0000-4000-8000-000000000003',
  director: '10000000-0000-4000-8000-000000000004',
  admin: '10000000-0000-4000-8000-000000000005',
  partnerUser: '10000000-0000-4000-8000-000000000006',
};
const SETTINGS: AccessSettings = { managersEditOwnPartnersOnly: true };
const PERSONA_HEADER = 'x-test-persona';

/**
 * Who each persona is. Until sign-in exists these are built here (test code only); with accounts this
 * one function becomes "sign in as the seeded user of this persona".
 */
function personaActor(persona: Persona, partnerA: string): Actor | null {
  const team = (role: Role, userId: string): Actor => ({ name: persona, source: 'api', role, userId, partnerId: null });
  switch (persona) {
    case 'anonymous':
      return null;
    case 'viewer':
      return team('viewer', USERS.viewer);
    case 'managerOwner':
      return team('manager', USERS.m1);
    case 'managerOther':
      return team('manager', USERS.m2);
    case 'director':
      return team('director', USERS.director);
    case 'admin':
      return team('admin', USERS.admin);
    case 'partnerUser':
      return { name: persona, source: 'api', role: 'partner_admin', userId: USERS.partnerUser, partnerId: partnerA };
    default: {
      const never: never = persona;
      return never;
    }
  }
}

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
type World = { A: Records; B: Records; customField: string; importId: string; owners: { A: string; B: string } };

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

async function startWorld(): Promise<{ app: FastifyInstance; world: World; close(): Promise<void> }> {
  const database = await openTestDatabase();
  let partnerA = '';
  const app = await buildApp({
    database,
    now: () => NOW,
    webRoot: null,
    authenticate: async (request: FastifyRequest) => {
      const raw = request.headers[PERSONA_HEADER];
      const persona = (Array.isArray(raw) ? raw[0] : raw) as Persona | undefined;
      if (persona && !PERSONAS.includes(persona)) throw new AppError('UNAUTHENTICATED', 'unknown test persona');
      return personaActor(persona ?? 'anonymous', partnerA);
    },
  });
  const admin = async (method: string, url: string, payload?: unknown): Promise<Json> => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { [PERSONA_HEADER]: 'admin' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (res.statusCode >= 300) throw new Error(`seeding ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Json;
  };
  const settings = await admin('GET', '/api/settings');
  await admin('PATCH', '/api/settings', { version: settings.version, managersEditOwnPartnersOnly: true });
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
  const A = await seed('A', USERS.m1);
  const B = await seed('B', USERS.m2);
  partnerA = A.partner;
  const customField = (await admin('POST', '/api/custom-fields', { entity: 'partner', label: 'Region', type: 'text' }))
    .id as string;
  const upload = await app.inject({
    method: 'POST',
    url: '/api/imports?fileName=seed.csv&entity=partner',
    headers: { [PERSONA_HEADER]: 'admin', 'content-type': 'text/csv' },
    payload: 'Partner Name,Owner\nImported,Sam\n',
  });
  if (upload.statusCode !== 201) throw new Error(`seeding the import: ${upload.body}`);
  const world: World = { A, B, customField, importId: upload.json().id, owners: { A: USERS.m1, B: USERS.m2 } };
  return {
    app,
    world,
    async close() {
      await app.close();
      await database.close();
    },
  };
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
function runOrder(op: Operation): number {
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
  };
  let url = op.path
    .replace('{name}', 'digest')
    .replace('{file}', 'not-the-feed.ics')
    .replace('{id}', () => {
      const prefix = Object.keys(idFor).find((p) => op.path.startsWith(p));
      if (!prefix) throw new Error(`no record for ${op.path}`);
      return idFor[prefix]!;
    });
  const query: Record<string, string> = { partnerId: r.partner, fileName: 'sheet.csv' };
  const params = op.requiredQuery.map((name) => `${name}=${encodeURIComponent(query[name] ?? 'x')}`);
  if (params.length > 0) url += `?${params.join('&')}`;
  const key = `${op.method} ${op.path}`;
  const bodies: Record<string, unknown> = {
    'POST /api/partners': { name: fresh('Partner'), ownerUserId: world.owners[t] },
    'PATCH /api/partners/{id}': { version: 0, notes: fresh('note') },
    'POST /api/reps': { partnerId: r.partner, name: fresh('Rep') },
    'PATCH /api/reps/{id}': { version: 0, title: fresh('Title') },
    'POST /api/touches': { partnerId: r.partner, kind: 'call' },
    'POST /api/actions': { partnerId: r.partner, dueDate: '2026-03-01' },
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
  };
  if (key === 'POST /api/imports') return { url, payload: 'Partner Name\nUploaded\n', contentType: 'text/csv' };
  if (key === 'POST /api/restore') return { url, payload: '', contentType: 'application/x-ndjson' };
  if (!op.body) return { url };
  return { url, payload: bodies[key] ?? {}, contentType: 'application/json' };
}

/** The version the record at `url` has now, so an allowed write is not refused as stale. */
async function currentVersion(app: FastifyInstance, op: Operation, url: string): Promise<number | null> {
  const readUrl = op.path === '/api/digests/settings' ? '/api/digests/settings' : url.split('?')[0]!;
  const res = await app.inject({ method: 'GET', url: readUrl, headers: { [PERSONA_HEADER]: 'admin' } });
  return res.statusCode === 200 ? ((res.json() as Json).version as number) : null;
}

function expectedOf(op: Operation, world: World, persona: Persona): 'public' | 401 | 403 | 'allowed' {
  if (op.permission === null && !op.signedIn) return 'public';
  const actor = personaActor(persona, world.A.partner);
  if (!actor) return 401;
  if (op.permission === null) return 'allowed';
  // Partner writes are about the target partner (its owner); accounts belong to no partner.
  const scope: AccessScope | undefined =
    op.permission === 'partners:write' && !op.path.startsWith('/api/accounts')
      ? { ownerUserId: world.owners[targetOf(persona)] }
      : undefined;
  return decide(actor, op.permission, scope, SETTINGS).allowed ? 'allowed' : 403;
}

type Outcome = { persona: Persona; op: string; status: number; expected: ReturnType<typeof expectedOf>; body: string };

describe('the authorization matrix (every operation of the OpenAPI document × every persona)', () => {
  const outcomes: Outcome[] = [];
  let operations: Operation[] = [];

  beforeAll(async () => {
    for (const persona of PERSONAS) {
      // A fresh workspace per persona: what one persona changes or deletes cannot answer for another.
      const { app, world, close } = await startWorld();
      try {
        operations = operationsOf(app.swagger() as unknown as Json).sort((a, b) => runOrder(a) - runOrder(b));
        for (const op of operations) {
          const { url, payload, contentType } = requestFor(op, world, persona);
          let body = payload;
          if (body && typeof body === 'object' && 'version' in body) {
            body = { ...body, version: (await currentVersion(app, op, url)) ?? 1 };
          }
          const res = await app.inject({
            method: op.method as 'GET',
            url,
            headers: {
              ...(persona === 'anonymous' ? {} : { [PERSONA_HEADER]: persona }),
              ...(contentType ? { 'content-type': contentType } : {}),
            },
            ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          outcomes.push({
            persona,
            op: `${op.method} ${op.path}`,
            status: res.statusCode,
            expected: expectedOf(op, world, persona),
            body: res.body.slice(0, 200),
          });
        }
      } finally {
        await close();
      }
    }
  }, 600_000);

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

  it('answers a public operation the same whoever asks (signed in or not)', () => {
    const byOp = new Map<string, number>();
    for (const o of outcomes) if (o.expected === 'public' && o.persona === 'anonymous') byOp.set(o.op, o.status);
    const differing = outcomes.filter((o) => o.expected === 'public' && o.status !== byOp.get(o.op));
    expect(differing.map((o) => `${o.persona} ${o.op}: ${o.status} vs anonymous ${byOp.get(o.op)}`)).toEqual([]);
  });

  it('really executes most allowed requests (2xx), not only gets past the check', () => {
    const allowed = outcomes.filter((o) => o.expected === 'allowed');
    const executed = allowed.filter((o) => o.status >= 200 && o.status < 300);
    const notExecuted = allowed.filter((o) => o.status >= 300).map((o) => `${o.persona} ${o.op}: ${o.status}`);
    expect(executed.length / allowed.length, notExecuted.join('\n')).toBeGreaterThan(0.75);
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
