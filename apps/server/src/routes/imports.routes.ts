import { routeSchemas } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import {
  applySheetImport,
  createSheetImport,
  getSheetImport,
  previewSheetImport,
  updateSheetImportMapping,
  workingFilePath,
  writePartnerExport,
  writeRepExport,
} from '@ptrack/services';
import { scratchDirOf } from '@ptrack/storage';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';
import { spool } from '../spool';
import { receiveUpload, UploadedFile } from '../upload-body';

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

type App = Parameters<FastifyPluginAsyncZod<RouteOptions>>[0];

/** The sheet upload that starts an import. */
function uploadRoute(app: App, { contextOf, database, uploadLimitBytes }: RouteOptions): void {
  const bodyLimit = uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;
  // The sheet goes to disk as it arrives (see receiveUpload); the one who sends it is known first, so an
  // anonymous request writes nothing.
  app.addContentTypeParser(SHEET_TYPES, { bodyLimit }, (request, payload, done) => {
    if (!request.actor) return done(new AppError('UNAUTHENTICATED', 'Sign in to continue'), undefined);
    const declared = Number(request.headers['content-length']);
    const fileName = (request.query as { fileName?: unknown }).fileName;
    const path = workingFilePath(database, typeof fileName === 'string' ? fileName : '');
    receiveUpload(payload, path, bodyLimit, Number.isFinite(declared) ? declared : undefined).then(
      (file) => done(null, file),
      (error: Error) => done(error, undefined),
    );
  });

  app.post(
    '/imports',
    {
      config: { permission: 'imports:run' },
      bodyLimit,
      // Refused before the handler ran (a bad query): the received file still goes.
      onResponse: async (request) => {
        if (request.body instanceof UploadedFile) await request.body.remove();
      },
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX sheet (the file as the body); answers with its columns matched and sampled',
        consumes: SHEET_TYPES,
        ...routeSchemas.createImport,
      },
    },
    async (request, reply) => {
      const file = request.body;
      if (!(file instanceof UploadedFile) || file.bytes === 0) {
        throw AppError.validation([{ field: 'body', message: 'must be the sheet file (CSV or XLSX), sent as the request body' }]);
      }
      const { entity, fileName, sheet } = request.query;
      // The database keeps the sheet from here on; the received file goes before the answer does.
      const created = await createSheetImport(contextOf(request), {
        entity,
        fileName,
        content: { path: file.path },
        ...(sheet ? { sheet } : {}),
      }).finally(() => file.remove());
      return reply.code(201).send(created);
    },
  );
}

/** An import's steps after the upload: read, correct the mapping, preview, apply. */
function importStepRoutes(app: App, { contextOf }: RouteOptions): void {
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
}

function exportRoute(app: App, { contextOf, database }: RouteOptions): void {
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
      // Written to a file first, so a slow download never holds the snapshot (see spool).
      const { stream, bytes } = await spool(scratchDirOf(database), async (out) => {
        await (entity === 'rep' ? writeRepExport(ctx, format, out) : writePartnerExport(ctx, query, format, out));
      });
      const stamp = ctx.now().toISOString().slice(0, 10);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${entity === 'rep' ? 'reps' : `partners-${query.view ?? 'all'}`}-${stamp}.${format}"`,
        )
        .header('content-length', bytes)
        .serializer((payload: unknown) => payload as string)
        .send(stream as never);
    },
  );
}

export const importRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, options) => {
  uploadRoute(app, options);
  importStepRoutes(app, options);
  exportRoute(app, options);
};
