import { PassThrough } from 'node:stream';
import { routeSchemas } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import {
  applySheetImport,
  createSheetImport,
  getSheetImport,
  previewSheetImport,
  updateSheetImportMapping,
  writePartnerExport,
  writeRepExport,
} from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['imports'];
/** Sheet uploads: far above ordinary requests' limit, but bounded (PTRACK_UPLOAD_LIMIT_MB). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 50 * 1024 ** 2;
const SHEET_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf, uploadLimitBytes }) => {
  const bodyLimit = uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;
  app.addContentTypeParser(SHEET_TYPES, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));

  app.post(
    '/imports',
    {
      config: { permission: 'imports:run' },
      bodyLimit,
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX sheet (the file as the body); answers with its columns matched and sampled',
        consumes: SHEET_TYPES,
        ...routeSchemas.createImport,
      },
    },
    async (request, reply) => {
      const content = request.body;
      if (!Buffer.isBuffer(content) || content.length === 0) {
        throw AppError.validation([{ field: 'body', message: 'must be the sheet file (CSV or XLSX), sent as the request body' }]);
      }
      const { entity, fileName, sheet } = request.query;
      const created = await createSheetImport(contextOf(request), {
        entity,
        fileName,
        content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
        ...(sheet ? { sheet } : {}),
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/imports/:id',
    {
      config: { permission: 'imports:run' },
      schema: { tags, summary: 'An import: its columns, mapping, status and progress', ...routeSchemas.getImport },
    },
    async (request) => getSheetImport(contextOf(request), request.params.id),
  );

  app.patch(
    '/imports/:id',
    {
      config: { permission: 'imports:run' },
      schema: { tags, summary: 'Correct the mapping of an import before it is applied', ...routeSchemas.updateImport },
    },
    async (request) => updateSheetImportMapping(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/imports/:id/preview',
    {
      config: { permission: 'imports:run' },
      schema: {
        tags,
        summary: 'What applying would do, row by row (create, update, unchanged, error); writes nothing',
        ...routeSchemas.previewImport,
      },
    },
    async (request) => previewSheetImport(contextOf(request), request.params.id),
  );

  app.post(
    '/imports/:id/apply',
    {
      config: { permission: 'imports:run' },
      schema: {
        tags,
        summary: 'Apply an import, batch by batch; an interrupted one carries on where it stopped',
        ...routeSchemas.applyImport,
      },
    },
    async (request) => applySheetImport(contextOf(request), request.params.id, { force: request.query.force }),
  );

  app.get(
    '/exports',
    {
      config: { permission: 'exports:run' },
      schema: {
        tags,
        summary: "A view's partners (or every rep) as CSV or XLSX, in the tracker sheet's column order",
        ...routeSchemas.exportPartners,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, entity, ...query } = request.query;
      const out = new PassThrough();
      // Errors before the first row (an unknown view, a bad filter) answer as problem+json.
      let begun = false;
      const started = new Promise<void>((ready, fail) => {
        const onStart = () => {
          begun = true;
          ready();
        };
        (entity === 'rep'
          ? writeRepExport(ctx, format, out, onStart)
          : writePartnerExport(ctx, query, format, out, onStart)
        ).then(
          () => out.end(),
          (error: unknown) => {
            fail(error);
            if (begun && !out.destroyed) {
              request.log.error({ err: error }, 'the export stopped part-way');
              out.destroy(error as Error);
            }
          },
        );
      });
      await started;
      const stamp = ctx.now().toISOString().slice(0, 10);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${entity === 'rep' ? 'reps' : `partners-${query.view ?? 'all'}`}-${stamp}.${format}"`,
        )
        .serializer((payload: unknown) => payload as string)
        .send(out as never);
    },
  );
};
