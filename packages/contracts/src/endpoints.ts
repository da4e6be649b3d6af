// Every /api operation's method, path and access, by name: the zod-free half of the route table, so the
// web bundle can build request URLs from it without carrying a single schema. The other half
// (api-routes.ts) holds each operation's request and response schemas under the same names; a test holds
// both against the server's OpenAPI document (apps/server/test/route-table.int.test.ts).

import type { Permission } from '@ptrack/domain';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call an operation: anyone, any signed-in user (about their own account), or a permission. */
export type EndpointAccess = 'public' | 'signedIn' | Permission;

/** `path` is Fastify's template (`/api/partners/:id`), filled in by `pathOf`. */
export type Endpoint = { method: HttpMethod; path: string; access: EndpointAccess };

export const endpoints = {
  getHealth: { method: 'GET', path: '/api/health', access: 'public' },
  listPartners: { method: 'GET', path: '/api/partners', access: 'workspace:read' },
  createPartner: { method: 'POST', path: '/api/partners', access: 'partners:write' },
  getPartner: { method: 'GET', path: '/api/partners/:id', access: 'workspace:read' },
  updatePartner: { method: 'PATCH', path: '/api/partners/:id', access: 'partners:write' },
  deletePartner: { method: 'DELETE', path: '/api/partners/:id', access: 'partners:write' },
  getPartnerHistory: { method: 'GET', path: '/api/partners/:id/history', access: 'workspace:read' },
  listReps: { method: 'GET', path: '/api/reps', access: 'workspace:read' },
  createRep: { method: 'POST', path: '/api/reps', access: 'partners:write' },
  getRep: { method: 'GET', path: '/api/reps/:id', access: 'workspace:read' },
  updateRep: { method: 'PATCH', path: '/api/reps/:id', access: 'partners:write' },
  deleteRep: { method: 'DELETE', path: '/api/reps/:id', access: 'partners:write' },
  logTouch: { method: 'POST', path: '/api/touches', access: 'partners:write' },
  listTouches: { method: 'GET', path: '/api/touches', access: 'workspace:read' },
  deleteTouch: { method: 'DELETE', path: '/api/touches/:id', access: 'partners:write' },
  getToday: { method: 'GET', path: '/api/today', access: 'workspace:read' },
  rescheduleOverdue: { method: 'POST', path: '/api/actions/reschedule-overdue', access: 'partners:write' },
  listActions: { method: 'GET', path: '/api/actions', access: 'workspace:read' },
  createAction: { method: 'POST', path: '/api/actions', access: 'partners:write' },
  getAction: { method: 'GET', path: '/api/actions/:id', access: 'workspace:read' },
  updateAction: { method: 'PATCH', path: '/api/actions/:id', access: 'partners:write' },
  deleteAction: { method: 'DELETE', path: '/api/actions/:id', access: 'partners:write' },
  completeAction: { method: 'POST', path: '/api/actions/:id/complete', access: 'partners:write' },
  snoozeAction: { method: 'POST', path: '/api/actions/:id/snooze', access: 'partners:write' },
  listReferrals: { method: 'GET', path: '/api/referrals', access: 'workspace:read' },
  createReferral: { method: 'POST', path: '/api/referrals', access: 'partners:write' },
  getReferral: { method: 'GET', path: '/api/referrals/:id', access: 'workspace:read' },
  updateReferral: { method: 'PATCH', path: '/api/referrals/:id', access: 'partners:write' },
  deleteReferral: { method: 'DELETE', path: '/api/referrals/:id', access: 'partners:write' },
  listAccounts: { method: 'GET', path: '/api/accounts', access: 'workspace:read' },
  createAccount: { method: 'POST', path: '/api/accounts', access: 'partners:write' },
  getAccount: { method: 'GET', path: '/api/accounts/:id', access: 'workspace:read' },
  updateAccount: { method: 'PATCH', path: '/api/accounts/:id', access: 'partners:write' },
  deleteAccount: { method: 'DELETE', path: '/api/accounts/:id', access: 'partners:write' },
  listPlans: { method: 'GET', path: '/api/plans', access: 'workspace:read' },
  createPlan: { method: 'POST', path: '/api/plans', access: 'partners:write' },
  getPlan: { method: 'GET', path: '/api/plans/:id', access: 'workspace:read' },
  updatePlan: { method: 'PATCH', path: '/api/plans/:id', access: 'partners:write' },
  deletePlan: { method: 'DELETE', path: '/api/plans/:id', access: 'partners:write' },
  listViews: { method: 'GET', path: '/api/views', access: 'workspace:read' },
  createView: { method: 'POST', path: '/api/views', access: 'views:write' },
  getView: { method: 'GET', path: '/api/views/:id', access: 'workspace:read' },
  updateView: { method: 'PATCH', path: '/api/views/:id', access: 'views:write' },
  deleteView: { method: 'DELETE', path: '/api/views/:id', access: 'views:write' },
  listCustomFields: { method: 'GET', path: '/api/custom-fields', access: 'workspace:read' },
  createCustomField: { method: 'POST', path: '/api/custom-fields', access: 'settings:write' },
  updateCustomField: { method: 'PATCH', path: '/api/custom-fields/:id', access: 'settings:write' },
  deleteCustomField: { method: 'DELETE', path: '/api/custom-fields/:id', access: 'settings:write' },
  getSettings: { method: 'GET', path: '/api/settings', access: 'workspace:read' },
  updateSettings: { method: 'PATCH', path: '/api/settings', access: 'settings:write' },
  createImport: { method: 'POST', path: '/api/imports', access: 'imports:run' },
  getImport: { method: 'GET', path: '/api/imports/:id', access: 'imports:run' },
  updateImport: { method: 'PATCH', path: '/api/imports/:id', access: 'imports:run' },
  previewImport: { method: 'POST', path: '/api/imports/:id/preview', access: 'imports:run' },
  applyImport: { method: 'POST', path: '/api/imports/:id/apply', access: 'imports:run' },
  exportPartners: { method: 'GET', path: '/api/exports', access: 'exports:run' },
  getDashboard: { method: 'GET', path: '/api/dashboard', access: 'workspace:read' },
  getDigestSettings: { method: 'GET', path: '/api/digests/settings', access: 'workspace:read' },
  updateDigestSettings: { method: 'PUT', path: '/api/digests/settings', access: 'integrations:manage' },
  sendDigest: { method: 'POST', path: '/api/digests/send', access: 'integrations:run' },
  previewDigest: { method: 'GET', path: '/api/digests/preview', access: 'integrations:run' },
  regenerateCalendarToken: { method: 'POST', path: '/api/digests/calendar-token', access: 'integrations:manage' },
  getCalendarFeed: { method: 'GET', path: '/api/calendar/:file', access: 'public' },
  getHubSpotConnection: { method: 'GET', path: '/api/hubspot/connection', access: 'workspace:read' },
  saveHubSpotConnection: { method: 'PATCH', path: '/api/hubspot/connection', access: 'integrations:manage' },
  testHubSpotConnection: { method: 'POST', path: '/api/hubspot/test', access: 'integrations:manage' },
  setupHubSpotProperties: { method: 'POST', path: '/api/hubspot/setup', access: 'integrations:manage' },
  syncHubSpot: { method: 'POST', path: '/api/hubspot/sync', access: 'integrations:run' },
  pushHubSpot: { method: 'POST', path: '/api/hubspot/push', access: 'integrations:run' },
  listHubSpotRuns: { method: 'GET', path: '/api/hubspot/runs', access: 'workspace:read' },
  receiveHubSpotWebhook: { method: 'POST', path: '/api/hubspot/webhook', access: 'public' },
  loadDemo: { method: 'POST', path: '/api/demo', access: 'backup:run' },
  downloadBackup: { method: 'GET', path: '/api/backup', access: 'backup:run' },
  restoreBackup: { method: 'POST', path: '/api/restore', access: 'backup:run' },
  listJobs: { method: 'GET', path: '/api/jobs', access: 'workspace:read' },
  listJobRuns: { method: 'GET', path: '/api/jobs/runs', access: 'workspace:read' },
  runJob: { method: 'POST', path: '/api/jobs/:name/run', access: 'jobs:run' },
  getSession: { method: 'GET', path: '/api/session', access: 'public' },
  setup: { method: 'POST', path: '/api/setup', access: 'public' },
  signIn: { method: 'POST', path: '/api/session', access: 'public' },
  signOut: { method: 'DELETE', path: '/api/session', access: 'signedIn' },
  listSessions: { method: 'GET', path: '/api/sessions', access: 'signedIn' },
  revokeSession: { method: 'DELETE', path: '/api/sessions/:id', access: 'signedIn' },
  signOutEverywhere: { method: 'DELETE', path: '/api/sessions', access: 'signedIn' },
  requestPasswordReset: { method: 'POST', path: '/api/password-reset', access: 'public' },
  completePasswordReset: { method: 'POST', path: '/api/password-reset/complete', access: 'public' },
  lookupInvitation: { method: 'GET', path: '/api/invitations/lookup', access: 'public' },
  acceptInvitation: { method: 'POST', path: '/api/invitations/accept', access: 'public' },
  listUsers: { method: 'GET', path: '/api/users', access: 'users:read' },
  updateUser: { method: 'PATCH', path: '/api/users/:id', access: 'users:manage' },
  createResetLink: { method: 'POST', path: '/api/users/:id/reset-link', access: 'users:manage' },
  listInvitations: { method: 'GET', path: '/api/invitations', access: 'users:manage' },
  createInvitation: { method: 'POST', path: '/api/invitations', access: 'users:manage' },
  revokeInvitation: { method: 'DELETE', path: '/api/invitations/:id', access: 'users:manage' },
  listTokens: { method: 'GET', path: '/api/tokens', access: 'signedIn' },
  createToken: { method: 'POST', path: '/api/tokens', access: 'signedIn' },
  revokeToken: { method: 'DELETE', path: '/api/tokens/:id', access: 'signedIn' },
  listAudit: { method: 'GET', path: '/api/audit', access: 'audit:read' },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The path parameters an operation's template names (`{ id: string }` for `/api/partners/:id`). */
export type EndpointParams<N extends EndpointName> = { [K in ParamNames<(typeof endpoints)[N]['path']>]: string };

export type QueryValue = string | number | boolean | null | undefined;

/** An operation's path with its parameters filled in (URI-encoded) and the query appended (undefined values left out). */
export function pathOf<N extends EndpointName>(
  name: N,
  params?: EndpointParams<N>,
  query?: Readonly<Record<string, QueryValue>>,
): string {
  const values = (params ?? {}) as Record<string, string>;
  const path = endpoints[name].path.replace(/:(\w+)/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}: the path parameter ${key} is missing`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
