import { inputHygieneIssues } from '@ptrack/contracts';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './support';

// Issue 18: "bad input gets a clear error and loses nothing; never a 5xx", checked from outside the way
// an attacker would, for every operation of the OpenAPI document — so a new route is fuzzed the day it
// is added. Requests are drawn from each operation's own schemas (mostly well-formed, with hostile
// values mixed in at any depth), with a fixed seed. Every answer must be below 500; every 4xx must be
// problem+json (a 400 naming at least one field); and a request the contract forbids (by the document's
// JSON Schema, or by the hygiene rules every route applies) must never be accepted.

const SEED = 18_2026;
const RUNS = 5_200;
const MAX_DEPTH = 6;

// Operations that reach outside this process (HubSpot, SMTP, Slack; a job run may do either): random
// connection settings would make them wait on the network. Their inputs are fuzzed by the operations
// that store those settings; their own handling of bad answers is tested in hubspot/digests tests.
const OUTSIDE = new Set([
  'POST /api/hubspot/test',
  'POST /api/hubspot/setup',
  'POST /api/hubspot/sync',
  'POST /api/hubspot/push',
  'POST /api/digests/send',
  'POST /api/jobs/{name}/run',
  // These end the session the fuzzer itself sends: everything after would be 401.
  'DELETE /api/session',
  'DELETE /api/sessions',
  'DELETE /api/sessions/{id}',
  'PATCH /api/users/{id}',
]);

type Schema = Record<string, unknown>;
type Parameter = { in: 'query' | 'path' | 'header' | 'cookie'; name: string; required?: boolean; schema: Schema };
type Operation = {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | null;
};
type Request = {
  op: Operation;
  url: string;
  body: unknown;
  raw: { path: Record<string, string>; query: Record<string, string> };
};

let api: TestApi;
let operations: Operation[];
let components: Record<string, Schema>;
/** Ids the API has answered with, so paths name real records as well as missing ones. */
const ids: string[] = [];
/** The same, by the field that named them (partnerId, repId…), so references mostly find their kind. */
const idsByField = new Map<string, string[]>();
const counts = new Map<string, number>();
const statuses = new Map<number, number>();

beforeAll(async () => {
  api = await startApi();
  const doc = (await api.get('/api/openapi.json')).body as {
    paths: Record<
      string,
      Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>
    >;
    components: { schemas: Record<string, Schema> };
  };
  components = doc.components.schemas;
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  );
  // A few records of each kind, so paths and references find something.
  const partner = (await api.post('/api/partners', { name: 'Fuzz Partner', namedAccounts: ['Fuzz Account'] })).body;
  const rep = (await api.post('/api/reps', { partnerId: partner.id, name: 'Fuzz Rep', engagementTier: 2 })).body;
  const seeded = [
    partner,
    rep,
    (await api.post('/api/actions', { repId: rep.id, dueDate: '2026-02-01' })).body,
    (await api.post('/api/referrals', { partnerId: partner.id, introducedAt: '2026-01-10', account: 'Fuzz Account' })).body,
    (await api.post('/api/plans', { partnerId: partner.id, goal: 'Three convos' })).body,
    (await api.post('/api/touches', { repId: rep.id, kind: 'email' })).body,
    (await api.post('/api/custom-fields', { entity: 'partner', label: 'Fuzz Field', type: 'text' })).body,
    (await api.post('/api/views', { name: 'Fuzz View', definition: {} })).body,
    (
      await api.request('POST', '/api/imports?fileName=fuzz.csv', 'Name,Type\nFuzz Import Co,Agency\n', {
        'content-type': 'text/csv',
      })
    ).body,
  ];
  for (const record of seeded) harvest(record);
});

afterAll(async () => {
  await api?.close();
});

function harvest(body: unknown): void {
  const walk = (node: unknown, depth: number): void => {
    if (depth > 3 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node.slice(0, 5)) walk(item, depth + 1);
      return;
    }
    const id = (node as { id?: unknown }).id;
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && !ids.includes(id)) {
      ids.push(id);
      if (ids.length > 300) ids.shift();
    }
    for (const [field, value] of Object.entries(node)) {
      if (!field.endsWith('Id') || typeof value !== 'string' || !/^[0-9a-f-]{36}$/.test(value)) continue;
      const pool = idsByField.get(field) ?? [];
      if (!pool.includes(value)) pool.push(value);
      if (pool.length > 50) pool.shift();
      idsByField.set(field, pool);
    }
    for (const value of Object.values(node)) walk(value, depth + 1);
  };
  walk(body, 0);
}

function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') return resolve(components[ref.replace('#/components/schemas/', '')] ?? {});
  return schema;
}

// Hostile values, any of which may replace any value of a request.
const HOSTILE: unknown[] = [
  'nul\u0000byte',
  'lone \ud800 surrogate',
  'trail \udc00',
  'line\r\nbreak',
  'esc\u001b[31m',
  'tab\there',
  '0000-01-01',
  '9999-12-31',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59-05:00',
  '2025-02-30',
  2_147_483_648,
  -2_147_483_649,
  32_768,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1,
  0,
  0.5,
  '',
  ' ',
  'x'.repeat(5_001),
  '__proto__',
  '00000000-0000-0000-0000-000000000000',
  null,
  true,
  [],
  {},
  { constructor: { prototype: 1 } },
];
const hostile = fc.constantFrom(...HOSTILE);
const anyJson = fc.jsonValue({ maxDepth: 2 });

// Text no rule refuses, and text that breaks one (control characters, lone surrogates).
const badText = fc.string({ unit: 'binary', maxLength: 12 });
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('Acme', 'a', 'Tier 1', 'partner', 'rep', 'email', 'open', 'done', 'name', '-name', 'en-US'),
);
const day = fc.oneof(
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('0001-01-01', '9999-12-31', '9999-10-01', '2026-02-04', '2024-02-29'),
);
const instant = fc.oneof(
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-04T09:30:00-08:00'),
);
const uuid = (field?: string) => {
  const known = (field && idsByField.get(field)) || ids;
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...(known.length ? known : ['x'])) }, fc.uuid({ version: 4 }));
};

function stringArb(schema: Schema, field?: string): fc.Arbitrary<unknown> {
  const format = schema.format;
  if (format === 'uuid') return uuid(field);
  if (format === 'date') return day;
  if (format === 'date-time') return instant;
  if (format === 'email') return fc.emailAddress();
  if (format === 'uri') return fc.webUrl();
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 60;
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : null;
  // The control-character rule is a pattern too: plain text is what it is for.
  if (pattern && !pattern.startsWith('^[^\\u0000')) {
    return fc.oneof(fc.stringMatching(new RegExp(pattern)), text);
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40) }) },
    text,
    fc.constant('y'.repeat(Math.min(max, 10_000))),
  );
}

/**
 * How often a value is replaced by a hostile one, per value: requests drawn "mostly valid" reach the
 * code behind validation; "hostile" ones probe validation itself.
 */
type Mood = { hostile: number };
const MOSTLY_VALID: Mood = { hostile: 1 };
const HOSTILE_MOOD: Mood = { hostile: 25 };

function arbOf(input: Schema, mood: Mood, depth = 0, field?: string): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  const valid = validArbOf(schema, mood, depth, field);
  return fc.oneof(
    { weight: 100 - mood.hostile, arbitrary: valid },
    { weight: mood.hostile, arbitrary: fc.oneof({ weight: 3, arbitrary: hostile }, anyJson, badText) },
  );
}

function validArbOf(schema: Schema, mood: Mood, depth: number, field?: string): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbOf(s, mood, depth + 1, field)));
  if (Array.isArray(schema.allOf) && schema.allOf.length) return validArbOf(resolve(schema.allOf[0] as Schema), mood, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  const arbs = type.map((t): fc.Arbitrary<unknown> => {
    switch (t) {
      case 'string':
        return stringArb(schema, field);
      case 'integer': {
        const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000;
        const max = typeof schema.maximum === 'number' ? schema.maximum : 100_000;
        return fc.oneof(
          fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }),
          fc.constantFrom(min, max),
        );
      }
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(arbOf((schema.items as Schema) ?? {}, mood, depth + 1), { maxLength: 4 });
      case 'object':
        return objectArb(schema, mood, depth);
      default:
        return anyJson;
    }
  });
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function objectArb(schema: Schema, mood: Mood, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const keys = Object.keys(properties);
  const record = fc.record(Object.fromEntries(keys.map((k) => [k, arbOf(properties[k]!, mood, depth + 1, k)])), {
    requiredKeys: keys.filter((k) => required.has(k)),
  });
  const extra =
    schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? fc.dictionary(fc.string({ maxLength: 12 }), arbOf(schema.additionalProperties as Schema, mood, depth + 1), { maxKeys: 3 })
      : fc.oneof(
          { weight: 100 - mood.hostile, arbitrary: fc.constant({}) },
          { weight: mood.hostile, arbitrary: fc.dictionary(text, anyJson, { maxKeys: 2 }) },
        );
  return fc.tuple(record, extra).map(([known, more]) => ({ ...more, ...known }));
}

// A URL carries UTF-8: a lone surrogate cannot be written in one, and arrives as U+FFFD.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A value as it goes into a URL (and so as the server reads it): strings as they are, anything else as JSON. */
const asParam = (value: unknown) =>
  (typeof value === 'string' ? value : JSON.stringify(value)).replace(LONE_SURROGATES, '\uFFFD');

const requestArbs = new Map<string, fc.Arbitrary<Request>>();
function requestArb(op: Operation): fc.Arbitrary<Request> {
  let arb = requestArbs.get(op.key);
  if (!arb) {
    arb = fc.oneof(
      { weight: 3, arbitrary: requestArbIn(op, MOSTLY_VALID) },
      { weight: 2, arbitrary: requestArbIn(op, HOSTILE_MOOD) },
    );
    requestArbs.set(op.key, arb);
  }
  return arb;
}

function requestArbIn(op: Operation, mood: Mood): fc.Arbitrary<Request> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  // A path segment that is empty or dots would name another route ("/api/actions/" is the list).
  const segment = (value: unknown) => {
    const text = asParam(value);
    return /^\.*$/.test(text) ? `x${text}` : text;
  };
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, arbOf(p.schema, mood).map(segment)]))) as fc.Arbitrary<
    Record<string, string>
  >;
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, arbOf(p.schema, mood).map(asParam)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
  }) as fc.Arbitrary<Record<string, string>>;
  const extraQuery = fc.oneof(
    { weight: 100 - mood.hostile, arbitrary: fc.constant({}) },
    { weight: mood.hostile, arbitrary: fc.dictionary(text, text, { maxKeys: 2 }) },
  );
  // An operation without a JSON body (uploads, actions on a record) still gets a stray body now and then.
  const body = op.body
    ? fc.oneof({ weight: 30, arbitrary: arbOf(op.body, mood) }, { weight: 1, arbitrary: fc.constant(undefined) })
    : fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: anyJson },
        { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((csv) => ({ csv: `Name,Type,Notes\n${csv}` })) },
      );
  return fc.record({ path, query, extraQuery, body }).map(({ path: p, query: q, extraQuery: extra, body: b }) => {
    const url =
      op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(p[name] ?? '')) +
      (Object.keys({ ...extra, ...q }).length ? `?${new URLSearchParams({ ...extra, ...q }).toString()}` : '');
    return { op, url, body: b, raw: { path: p, query: { ...extra, ...q } } };
  });
}

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
const ajvQuery = new Ajv2020({ strict: false, coerceTypes: true, validateFormats: true });
const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
addFormats(ajv);
addFormats(ajvQuery);
const compiled = new Map<string, ValidateFunction>();

function validator(kind: string, schema: Schema, coerce: boolean): ValidateFunction {
  const key = `${kind}:${JSON.stringify(schema)}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = (coerce ? ajvQuery : ajv).compile({ ...schema, components: { schemas: components } });
    compiled.set(key, validate);
  }
  return validate;
}

// The contract trims text before checking it; the document cannot say so.
const trimmed = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.trim()
    : Array.isArray(value)
      ? value.map(trimmed)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v)]))
        : value;

/** Why the contract forbids this request, or null when the document allows it. */
function forbidden(request: Request): string | null {
  const { op, raw, body } = request;
  for (const where of [raw.path, raw.query, body]) {
    const issue = inputHygieneIssues(where)[0];
    if (issue) return `${issue.path.join('.')} ${issue.message}`;
  }
  for (const p of op.parameters) {
    const value = p.in === 'path' ? raw.path[p.name] : p.in === 'query' ? raw.query[p.name] : undefined;
    if (value === undefined) {
      if (p.required) return `${p.in}.${p.name} is required`;
      continue;
    }
    const holder = { value };
    const validate = validator('param', { type: 'object', properties: { value: p.schema } }, true);
    if (!validate(holder)) return `${p.in}.${p.name} ${ajvQuery.errorsText(validate.errors)}`;
  }
  // An operation with query parameters refuses others; one without any ignores the query string.
  const known = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const unknown = Object.keys(raw.query).find((k) => !known.has(k));
  if (known.size > 0 && unknown !== undefined) return `query.${unknown} is not a parameter`;
  if (op.body) {
    if (body === undefined) return 'the body is required';
    const validate = validator('body', op.body, false);
    if (!validate(body) && !validate(trimmed(body))) return `body ${ajv.errorsText(validate.errors)}`;
  }
  return null;
}

async function send(request: Request) {
  const { op, url, body } = request;
  const csv = body && typeof body === 'object' && 'csv' in body ? String((body as { csv: string }).csv) : null;
  const res =
    csv !== null
      ? await api.request(op.method, url, csv, { 'content-type': 'text/csv' })
      : await api.request(op.method, url, body);
  counts.set(op.key, (counts.get(op.key) ?? 0) + 1);
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  return res;
}

describe('OpenAPI-driven fuzzing of every operation', () => {
  it(`answers ${RUNS} generated requests without a 5xx, with problems for 4xx, accepting nothing the contract forbids`, async () => {
    const fuzzed = operations.filter((op) => !OUTSIDE.has(op.key));
    const request = fc.constantFrom(...fuzzed).chain(requestArb);
    // Failures are collected rather than thrown, so one run lists every kind of failure at once.
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const res = await send(req);
        const what = `${req.op.method} ${req.url} ${JSON.stringify(req.body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
        if (res.status >= 500) failures.push(`server error: ${what}`);
        else if (res.status >= 400) {
          if (!/^application\/problem\+json/.test(String(res.headers['content-type'])))
            failures.push(`not problem+json: ${what}`);
          else if (res.status === 400 && !(res.body.errors?.length > 0)) failures.push(`400 naming no field: ${what}`);
        } else {
          const why = forbidden(req);
          if (why) failures.push(`accepted although ${why}: ${what}`);
          harvest(res.body);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(failures.slice(0, 25), `${failures.length} failures`).toEqual([]);
    // Every operation was tried, and enough requests got through to reach the code behind validation.
    const missed = fuzzed.filter((op) => !counts.get(op.key)).map((op) => op.key);
    expect(missed).toEqual([]);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(5_000);
    const ok = [...statuses].filter(([s]) => s < 300).reduce((a, [, n]) => a + n, 0);
    expect(ok).toBeGreaterThan(total * 0.1);
  }, 300_000);
});
