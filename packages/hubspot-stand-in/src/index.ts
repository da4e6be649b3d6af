// A local HTTP server that behaves like HubSpot's CRM API (reference: shared/reference/hubspot-api.md),
// for the sync's tests and benchmark. Not used in production code.
export { type BatchError, type ErrorDetail, StandInError } from './errors.ts';
export {
  ASSOCIATION_TYPES,
  type AssociationTypeDef,
  defaultAssociationType,
  OBJECT_TYPE_IDS,
  OBJECT_TYPES,
  type ObjectType,
  resolveObjectType,
} from './object-types.ts';
export { DEFAULT_DEAL_PIPELINE, type Pipeline, type PipelineInput, type PipelineStageInput } from './pipelines.ts';
export {
  DEFAULT_READ_PROPERTIES,
  LAST_MODIFIED_PROPERTY,
  type MakePropertyInput,
  type PropertyDefinition,
  type PropertyGroup,
  type PropertyType,
} from './property-defs.ts';
export { type RateLimit, RollingWindow } from './rate-limit.ts';
export { BATCH_READ_PAGE } from './routes/associations.ts';
export { INLINE_ASSOCIATIONS_PAGE } from './routes/serialize.ts';
export { SEARCH_MAX_LIMIT, SEARCH_MAX_RESULTS } from './search.ts';
export { DEAL_STAGES, definePartnerRepProperties, type SeededProgram, type SeedProgramOptions, seedProgram } from './seed.ts';
export {
  DEFAULT_ACCESS_TOKEN,
  DEFAULT_CLIENT_SECRET,
  type FaultSpec,
  type HubSpotStandIn,
  type HubSpotStandInOptions,
  type LoggedRequest,
  type RequestStats,
  startHubSpotStandIn,
} from './server.ts';
export {
  type AssociatedRef,
  type AssociationInput,
  type ChangeSource,
  type CrmObject,
  HubSpotStore,
  type PropertyChange,
  type PropertyInput,
  UniqueValueConflict,
} from './store.ts';
export {
  canonicalWebhookUri,
  type DeliverWebhookOptions,
  propertyChangeEvent,
  type SignWebhookInput,
  signWebhookV3,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookTamper,
} from './webhooks.ts';
