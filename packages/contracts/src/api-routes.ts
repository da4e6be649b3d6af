// The request and response schemas of every /api operation, under the names of `endpoints`: together
// they are the route table. The server's routes use these schemas (and a test holds the table equal to
// the OpenAPI document); the web and the CLI type their calls from them.

import { z } from 'zod';
import {
  AccountDto,
  AccountListQuery,
  ActionDto,
  ActionListQuery,
  CompleteActionRequest,
  CompleteActionResponse,
  CreateAccountRequest,
  CreateActionRequest,
  CreateReferralRequest,
  LogTouchRequest,
  LogTouchResponse,
  ReferralDto,
  ReferralListQuery,
  RescheduleOverdueRequest,
  RescheduleOverdueResponse,
  SnoozeActionRequest,
  TodayQuery,
  TodayResponse,
  UpdateAccountRequest,
  UpdateActionRequest,
  UpdateReferralRequest,
} from './activity';
import {
  AcceptInvitationRequest,
  ApiTokenList,
  AuditPage,
  AuditQuery,
  CompletePasswordResetRequest,
  CreatedApiToken,
  CreatedInvitation,
  CreateTokenRequest,
  InvitationList,
  InvitationLookup,
  InvitationLookupQuery,
  InviteUserRequest,
  LinkResponse,
  PasswordResetRequest,
  SessionList,
  SessionState,
  SetupRequest,
  SignInRequest,
  UpdateUserRequest,
  UserDto,
  UserList,
} from './auth';
import { IdParams } from './common';
import { DashboardDto, HealthDto } from './dashboard';
import {
  CalendarFeedParams,
  CalendarFeedQuery,
  CalendarTokenResponse,
  DigestDeliveryReport,
  DigestPreviewDto,
  DigestPreviewQuery,
  DigestSettingsDto,
  SendDigestRequest,
  UpdateDigestSettingsRequest,
} from './digests';
import { type EndpointName, endpoints } from './endpoints';
import {
  HubSpotConnectionDto,
  HubSpotRunList,
  HubSpotRunReport,
  HubSpotSetupResult,
  HubSpotSyncRequest,
  HubSpotTestResult,
  HubSpotWebhookResult,
  SaveHubSpotConnectionRequest,
} from './hubspot';
import {
  ApplyImportQuery,
  CreateImportQuery,
  ExportQuery,
  ImportPreviewDto,
  SheetImportDto,
  UpdateImportRequest,
} from './imports';
import { JobListResponse, JobNameParams, JobRunDto, JobRunListResponse, JobRunsQuery } from './jobs';
import {
  CreatePartnerRequest,
  HistoryResponse,
  PartnerDto,
  PartnerListQuery,
  PartnerListResponse,
  UpdatePartnerRequest,
} from './partners';
import { CreatePlanRequest, PlanDto, PlanListQuery, UpdatePlanRequest } from './plans';
import { CreateRepRequest, RepDto, RepListQuery, UpdateRepRequest } from './reps';
import {
  AccountListResponse,
  ActionListResponse,
  CustomFieldListQuery,
  CustomFieldListResponse,
  HistoryQuery,
  PlanListResponse,
  ReferralListResponse,
  RepListResponse,
  TouchListQuery,
  TouchListResponse,
  ViewDto,
  ViewListResponse,
} from './responses';
import {
  CreateCustomFieldRequest,
  CreateSavedViewRequest,
  CustomFieldDto,
  DeleteQuery,
  SettingsDto,
  UpdateCustomFieldRequest,
  UpdateSavedViewRequest,
  UpdateSettingsRequest,
  ViewIdParams,
} from './settings';
import { DemoRequest, DemoSummary, RestoreSummary } from './workspace';

// Bodies that are not JSON: documented as strings, sent as files.
const ExportFile = z.string().meta({ description: 'text/csv or an XLSX workbook' });
const BackupFile = z.string().meta({ description: 'application/x-ndjson' });
/** An answer without a body. */
const Deleted = z.undefined().describe('Deleted');
const NoContent = z.null();

/** One operation's schemas, as Fastify names them (`querystring` is the query). */
export type RouteSchemas = {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Partial<Record<200 | 201 | 202 | 204, z.ZodType>>;
};

export const routeSchemas = {
  getHealth: { response: { 200: HealthDto } },
  listPartners: { querystring: PartnerListQuery, response: { 200: PartnerListResponse } },
  createPartner: { body: CreatePartnerRequest, response: { 201: PartnerDto } },
  getPartner: { params: IdParams, response: { 200: PartnerDto } },
  updatePartner: { params: IdParams, body: UpdatePartnerRequest, response: { 200: PartnerDto } },
  deletePartner: { params: IdParams, querystring: DeleteQuery, response: { 204: Deleted } },
  getPartnerHistory: { params: IdParams, querystring: HistoryQuery, response: { 200: HistoryResponse } },
  listReps: { querystring: RepListQuery, response: { 200: RepListResponse } },
  createRep: { body: CreateRepRequest, response: { 201: RepDto } },
  getRep: { params: IdParams, response: { 200: RepDto } },
  updateRep: { params: IdParams, body: UpdateRepRequest, response: { 200: RepDto } },
  deleteRep: { params: IdParams, querystring: DeleteQuery, response: { 204: Deleted } },
  logTouch: { body: LogTouchRequest, response: { 201: LogTouchResponse } },
  listTouches: { querystring: TouchListQuery, response: { 200: TouchListResponse } },
  deleteTouch: { params: IdParams, response: { 204: Deleted } },
  getToday: { querystring: TodayQuery, response: { 200: TodayResponse } },
  rescheduleOverdue: { body: RescheduleOverdueRequest, response: { 200: RescheduleOverdueResponse } },
  listActions: { querystring: ActionListQuery, response: { 200: ActionListResponse } },
  createAction: { body: CreateActionRequest, response: { 201: ActionDto } },
  getAction: { params: IdParams, response: { 200: ActionDto } },
  updateAction: { params: IdParams, body: UpdateActionRequest, response: { 200: ActionDto } },
  deleteAction: { params: IdParams, querystring: DeleteQuery, response: { 204: Deleted } },
  completeAction: { params: IdParams, body: CompleteActionRequest.nullish(), response: { 200: CompleteActionResponse } },
  snoozeAction: { params: IdParams, body: SnoozeActionRequest, response: { 200: ActionDto } },
  listReferrals: { querystring: ReferralListQuery, response: { 200: ReferralListResponse } },
  createReferral: { body: CreateReferralRequest, response: { 201: ReferralDto } },
  getReferral: { params: IdParams, response: { 200: ReferralDto } },
  updateReferral: { params: IdParams, body: UpdateReferralRequest, response: { 200: ReferralDto } },
  deleteReferral: { params: IdParams, querystring: DeleteQuery, response: { 204: Deleted } },
  listAccounts: { querystring: AccountListQuery, response: { 200: AccountListResponse } },
  createAccount: { body: CreateAccountRequest, response: { 201: AccountDto } },
  getAccount: { params: IdParams, response: { 200: AccountDto } },
  updateAccount: { params: IdParams, body: UpdateAccountRequest, response: { 200: AccountDto } },
  deleteAccount: { params: IdParams, querystring: DeleteQuery, response: { 204: Deleted } },
  listPlans: { querystring: PlanListQuery, response: { 200: PlanListResponse } },
  createPlan: { body: CreatePlanRequest, response: { 201: PlanDto } },
  getPlan: { params: IdParams, response: { 200: PlanDto } },
  updatePlan: { params: IdParams, body: UpdatePlanRequest, response: { 200: PlanDto } },
  deletePlan: { params: IdParams, querystring: DeleteQuery, response: { 204: Deleted } },
  listViews: { response: { 200: ViewListResponse } },
  createView: { body: CreateSavedViewRequest, response: { 201: ViewDto } },
  getView: { params: ViewIdParams, response: { 200: ViewDto } },
  updateView: { params: ViewIdParams, body: UpdateSavedViewRequest, response: { 200: ViewDto } },
  deleteView: { params: ViewIdParams, querystring: DeleteQuery, response: { 204: Deleted } },
  listCustomFields: { querystring: CustomFieldListQuery, response: { 200: CustomFieldListResponse } },
  createCustomField: { body: CreateCustomFieldRequest, response: { 201: CustomFieldDto } },
  updateCustomField: { params: IdParams, body: UpdateCustomFieldRequest, response: { 200: CustomFieldDto } },
  deleteCustomField: { params: IdParams, querystring: DeleteQuery, response: { 204: Deleted } },
  getSettings: { response: { 200: SettingsDto } },
  updateSettings: { body: UpdateSettingsRequest, response: { 200: SettingsDto } },
  createImport: { querystring: CreateImportQuery, response: { 201: SheetImportDto } },
  getImport: { params: IdParams, response: { 200: SheetImportDto } },
  updateImport: { params: IdParams, body: UpdateImportRequest, response: { 200: SheetImportDto } },
  previewImport: { params: IdParams, response: { 200: ImportPreviewDto } },
  applyImport: { params: IdParams, querystring: ApplyImportQuery, response: { 200: SheetImportDto } },
  exportPartners: { querystring: ExportQuery, response: { 200: ExportFile } },
  getDashboard: { response: { 200: DashboardDto } },
  getDigestSettings: { response: { 200: DigestSettingsDto } },
  updateDigestSettings: { body: UpdateDigestSettingsRequest, response: { 200: DigestSettingsDto } },
  sendDigest: { body: SendDigestRequest, response: { 200: DigestDeliveryReport } },
  previewDigest: { querystring: DigestPreviewQuery, response: { 200: DigestPreviewDto } },
  regenerateCalendarToken: { response: { 200: CalendarTokenResponse } },
  getCalendarFeed: { params: CalendarFeedParams, querystring: CalendarFeedQuery, response: {} },
  getHubSpotConnection: { response: { 200: HubSpotConnectionDto } },
  saveHubSpotConnection: { body: SaveHubSpotConnectionRequest, response: { 200: HubSpotConnectionDto } },
  testHubSpotConnection: { response: { 200: HubSpotTestResult } },
  setupHubSpotProperties: { response: { 200: HubSpotSetupResult } },
  syncHubSpot: { body: HubSpotSyncRequest.optional(), response: { 200: HubSpotRunReport } },
  pushHubSpot: { response: { 200: HubSpotRunReport } },
  listHubSpotRuns: { response: { 200: HubSpotRunList } },
  receiveHubSpotWebhook: { response: { 200: HubSpotWebhookResult } },
  loadDemo: { body: DemoRequest.optional(), response: { 201: DemoSummary } },
  downloadBackup: { response: { 200: BackupFile } },
  restoreBackup: { response: { 200: RestoreSummary } },
  listJobs: { response: { 200: JobListResponse } },
  listJobRuns: { querystring: JobRunsQuery, response: { 200: JobRunListResponse } },
  runJob: { params: JobNameParams, response: { 200: JobRunDto, 202: JobRunDto } },
  getSession: { response: { 200: SessionState } },
  setup: { body: SetupRequest, response: { 201: SessionState } },
  signIn: { body: SignInRequest, response: { 200: SessionState } },
  signOut: { response: { 204: NoContent } },
  listSessions: { response: { 200: SessionList } },
  revokeSession: { params: IdParams, response: { 204: NoContent } },
  signOutEverywhere: { response: { 204: NoContent } },
  requestPasswordReset: { body: PasswordResetRequest, response: { 202: NoContent } },
  completePasswordReset: { body: CompletePasswordResetRequest, response: { 204: NoContent } },
  lookupInvitation: { querystring: InvitationLookupQuery, response: { 200: InvitationLookup } },
  acceptInvitation: { body: AcceptInvitationRequest, response: { 201: SessionState } },
  listUsers: { response: { 200: UserList } },
  updateUser: { params: IdParams, body: UpdateUserRequest, response: { 200: UserDto } },
  createResetLink: { params: IdParams, response: { 201: LinkResponse } },
  listInvitations: { response: { 200: InvitationList } },
  createInvitation: { body: InviteUserRequest, response: { 201: CreatedInvitation } },
  revokeInvitation: { params: IdParams, response: { 204: NoContent } },
  listTokens: { response: { 200: ApiTokenList } },
  createToken: { body: CreateTokenRequest, response: { 201: CreatedApiToken } },
  revokeToken: { params: IdParams, response: { 204: NoContent } },
  listAudit: { querystring: AuditQuery, response: { 200: AuditPage } },
} satisfies { [N in EndpointName]: RouteSchemas };

export type RouteName = EndpointName;
type Schemas<N extends RouteName> = (typeof routeSchemas)[N];
type Out<S> = S extends z.ZodType ? z.output<S> : never;
type In<S> = S extends z.ZodType ? z.input<S> : never;

/** The path parameters of an operation (an empty object when it has none). */
export type RouteParams<N extends RouteName> = Schemas<N> extends { params: infer S } ? In<S> : Record<string, never>;

// Query values travel as text: a number the server coerces is sent as a number, not as `unknown`.
type QueryInput<S extends z.ZodType> = {
  [K in keyof z.input<S>]: K extends keyof z.output<S> ? (unknown extends z.input<S>[K] ? z.output<S>[K] : z.input<S>[K]) : never;
};
export type RouteQuery<N extends RouteName> =
  Schemas<N> extends { querystring: infer S extends z.ZodType } ? QueryInput<S> : Record<string, never>;

/** The JSON body of an operation (`undefined` when it takes none). */
export type RouteBody<N extends RouteName> = Schemas<N> extends { body: infer S } ? In<S> : undefined;

/** What a successful call answers: the union of its 2xx bodies, `undefined` for 204. */
export type RouteResponse<N extends RouteName> = {
  [C in keyof Schemas<N>['response']]: C extends 204 ? undefined : Out<Schemas<N>['response'][C]>;
}[keyof Schemas<N>['response']];

type OptionalIfEmpty<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : Record<never, never> extends T
    ? { [P in K]?: T }
    : { [P in K]: T };

/** What a caller gives for one operation: its params, query and body, each required only when it has one. */
export type RouteRequest<N extends RouteName> = OptionalIfEmpty<'params', RouteParams<N>> &
  OptionalIfEmpty<'query', RouteQuery<N>> &
  OptionalIfEmpty<'body', RouteBody<N>>;

/** The whole route table: each operation's method, path and access with its schemas. */
export const apiRoutes = Object.fromEntries(
  (Object.keys(endpoints) as RouteName[]).map((name) => [name, { ...endpoints[name], ...routeSchemas[name] }]),
) as { [N in RouteName]: (typeof endpoints)[N] & Schemas<N> };
