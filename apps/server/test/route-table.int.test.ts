import fastifySwagger from '@fastify/swagger';
import { apiRoutes, type EndpointAccess, type RouteName } from '@ptrack/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withProblemResponses } from '../src/app';
import { startApi, type TestApi } from './support';

type Operation = Record<string, unknown>;
type Paths = Record<string, Record<string, Operation>>;

// What the table does not hold: the route's words (tags, summary, descriptions of the operation).
function contractOf(paths: Paths): Record<string, Operation> {
  const operations: Record<string, Operation> = {};
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const { tags: _tags, summary: _summary, description: _description, operationId: _id, ...rest } = operation;
      operations[`${method.toUpperCase()} ${path}`] = rest;
    }
  }
  return operations;
}

function configOf(access: EndpointAccess) {
  if (access === 'public') return { public: true };
  if (access === 'signedIn') return { signedIn: true };
  return { permission: access };
}

/** The OpenAPI document of an app that declares exactly the route table, with the server's transform. */
async function tableDocument(): Promise<Paths> {
  const app: FastifyInstance = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifySwagger, {
    openapi: { openapi: '3.1.0', info: { title: 'route table', version: '0' } },
    transform: withProblemResponses as never,
    transformObject: jsonSchemaTransformObject,
  });
  for (const name of Object.keys(apiRoutes) as RouteName[]) {
    const { method, path, access, ...schema } = apiRoutes[name];
    app.route({ method, url: path, config: configOf(access), schema, handler: async () => null });
  }
  await app.ready();
  const document = app.swagger() as { paths: Paths };
  await app.close();
  return document.paths;
}

describe('the route table (contracts) and the server', () => {
  let api: TestApi;
  let served: Record<string, Operation>;
  let table: Record<string, Operation>;
  beforeAll(async () => {
    api = await startApi();
    const res = await api.get('/api/openapi.json');
    served = contractOf(res.body.paths);
    table = contractOf(await tableDocument());
  });
  afterAll(async () => api.close());

  it('hold the same operations: every route the server serves is in the table, and no other', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(served).sort());
  });

  it('give each operation the same parameters, body, responses and access', () => {
    for (const [operation, contract] of Object.entries(served)) {
      expect(table[operation], operation).toEqual(contract);
    }
  });
});
