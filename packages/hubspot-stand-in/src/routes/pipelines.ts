import { notFound } from '../errors.ts';
import { objectTypeParam, pathParam, type Reply, type RequestContext, type Route, route } from '../http.ts';

const BASE = '/crm/v3/pipelines/{objectType}';

export const pipelineRoutes: Route[] = [
  route('GET', BASE, list),
  route('GET', `${BASE}/{pipelineId}`, getOne),
  route('GET', `${BASE}/{pipelineId}/stages`, stages),
];

function list(ctx: RequestContext): Reply {
  return { status: 200, body: { results: ctx.store.pipelines(objectTypeParam(ctx)) } };
}

function find(ctx: RequestContext) {
  const id = pathParam(ctx, 'pipelineId');
  const pipeline = ctx.store.pipelines(objectTypeParam(ctx)).find((p) => p.id === id);
  if (!pipeline) throw notFound(`Unable to find pipeline ${id}`, { pipelineId: [id] });
  return pipeline;
}

function getOne(ctx: RequestContext): Reply {
  return { status: 200, body: find(ctx) };
}

function stages(ctx: RequestContext): Reply {
  return { status: 200, body: { results: find(ctx).stages } };
}
