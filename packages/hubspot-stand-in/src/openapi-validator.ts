// Validates the stand-in's responses against HubSpot's own OpenAPI documents, so the stand-in cannot
// drift into a convenient fiction. Used by openapi.test.ts; not part of the package's API.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export const OPENAPI_DOCS = ['companies', 'contacts', 'deals', 'associations-v4', 'properties', 'webhooks'] as const;
export type OpenApiDoc = (typeof OPENAPI_DOCS)[number];

type Json = Record<string, unknown>;

/** Where the documents are: HUBSPOT_OPENAPI_DIR, else the copy kept in the repository (docs/reference). */
export function openApiDir(): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const candidates = [process.env.HUBSPOT_OPENAPI_DIR, path.resolve(repoRoot, 'docs/reference/hubspot-openapi')].filter(
    (c): c is string => typeof c === 'string' && c !== '',
  );
  const found = candidates.find((c) => existsSync(path.join(c, 'companies.json')));
  if (!found)
    throw new Error(`HubSpot OpenAPI documents not found; looked in ${candidates.join(', ')} (set HUBSPOT_OPENAPI_DIR)`);
  return found;
}

// Fields HubSpot sends that the generated documents leave out (reference: hubspot-api.md, "Auth,
// errors, limits"): every error body has `status: "error"`; a 429 adds errorType and policyName.
const ERROR_EXTRAS = {
  status: { type: 'string', enum: ['error'] },
  errorType: { type: 'string' },
  policyName: { type: 'string' },
};

/**
 * Tightens and corrects the documents in exactly these ways, each a documented fact:
 * - every object schema that lists its properties rejects unlisted ones (catches misspelt fields);
 * - object property values may be null (reference: "All property values are strings or null");
 * - Error allows the extra fields above;
 * - associations v4 `toObjectId` is a JSON number and an unlabelled type's `label` is null
 *   (reference: `{"toObjectId":123,"associationTypes":[{…,"label":null}]}`).
 */
function adjust(doc: Json): Json {
  const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const s = node as Json;
    if (s.type === 'object' && s.properties && s.additionalProperties === undefined) s.additionalProperties = false;
    for (const v of Object.values(s)) walk(v);
  };
  walk(schemas);
  for (const [name, schema] of Object.entries(schemas)) {
    const props = schema.properties as Record<string, Json> | undefined;
    if (/^SimplePublic(Upsert)?Object/.test(name) && props?.properties) {
      props.properties.additionalProperties = { type: ['string', 'null'] };
    }
    if (name === 'Error' && props) Object.assign(props, ERROR_EXTRAS);
    if (name === 'MultiAssociatedObjectWithLabel' && props?.toObjectId) props.toObjectId = { type: 'integer' };
    if (name === 'AssociationSpecWithLabel' && props?.label) props.label = { type: ['string', 'null'] };
  }
  return doc;
}

export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly docs = new Map<OpenApiDoc, Json>();
  private readonly cache = new Map<string, ValidateFunction | null>();

  constructor(dir = openApiDir()) {
    // ajv-formats is CommonJS: its default export arrives wrapped under tsx/vitest.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;
    addFormats(this.ajv);
    for (const name of OPENAPI_DOCS) {
      const doc = adjust(JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Json);
      this.docs.set(name, doc);
      this.ajv.addSchema({ $id: `${name}.json`, components: doc.components }, `${name}.json`);
    }
  }

  private doc(name: OpenApiDoc): Json {
    const doc = this.docs.get(name);
    // The constructor loads every name in OPENAPI_DOCS.
    if (!doc) throw new Error(`OpenAPI document ${name} is not loaded`);
    return doc;
  }

  /** True when the document declares this operation. */
  hasOperation(doc: OpenApiDoc, method: string, pathKey: string): boolean {
    const paths = this.doc(doc).paths as Record<string, Record<string, unknown>>;
    return Boolean(paths[pathKey]?.[method.toLowerCase()]);
  }

  /**
   * The validator for one operation's response at `status` (the declared code, else `default`);
   * null when the response has no body. Throws when the operation or status is not in the document.
   */
  validator(doc: OpenApiDoc, method: string, pathKey: string, status: number): ValidateFunction | null {
    const cacheKey = `${doc} ${method} ${pathKey} ${status}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const d = this.doc(doc);
    const op = (d.paths as Record<string, Record<string, Json>>)[pathKey]?.[method.toLowerCase()];
    if (!op) throw new Error(`${doc}.json has no operation ${method} ${pathKey}`);
    const responses = op.responses as Record<string, Json>;
    let response = responses[String(status)] ?? (status >= 400 ? responses.default : undefined);
    if (!response) throw new Error(`${doc}.json declares no ${status} response for ${method} ${pathKey}`);
    if (typeof response.$ref === 'string') {
      const name = response.$ref.replace('#/components/responses/', '');
      response = (d.components as { responses: Record<string, Json | undefined> }).responses[name];
      if (!response) throw new Error(`${doc}.json has no response component ${name}`);
    }
    const content = response.content as Record<string, { schema: Json }> | undefined;
    const schema = content ? (content['application/json'] ?? content['*/*'])?.schema : undefined;
    const compiled = schema ? this.ajv.compile(rebase(schema, `${doc}.json`)) : null;
    this.cache.set(cacheKey, compiled);
    return compiled;
  }
}

/** Points local `#/components/...` refs at the document they came from. */
function rebase(schema: Json, id: string): Json {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${id}#/`)) as Json;
}
