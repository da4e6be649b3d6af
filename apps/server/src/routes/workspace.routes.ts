import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { routeSchemas } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { restoreBackup, seedDemoWorkspace, writeBackup } from '@ptrack/services';
import { scratchDirOf } from '@ptrack/storage';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';
import { spool, writeText } from '../spool';

export const NDJSON = 'application/x-ndjson';
// A backup holds the whole workspace: far above the 1 MiB limit of ordinary requests.
const RESTORE_BODY_LIMIT = 4 * 1024 ** 3;

export const workspaceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf, database }) => {
  app.addContentTypeParser(NDJSON, { bodyLimit: RESTORE_BODY_LIMIT }, (_request, payload, done) => done(null, payload));

  app.post(
    '/demo',
    {
      config: { permission: 'backup:run' },
      schema: {
        tags: ['workspace'],
        summary: 'Fill an empty workspace with a realistic demo partner program (deterministic by seed)',
        ...routeSchemas.loadDemo,
      },
    },
    async (request, reply) => reply.code(201).send(await seedDemoWorkspace(contextOf(request), request.body ?? { seed: 42 })),
  );

  app.get(
    '/backup',
    {
      config: { permission: 'backup:run' },
      schema: {
        tags: ['workspace'],
        summary: 'Download the whole workspace as a single-file backup (JSON lines, see docs/BACKUP.md)',
        ...routeSchemas.downloadBackup,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // The snapshot goes to a file first, so a slow download never holds the database (see spool).
      const { stream, bytes } = await spool(scratchDirOf(database), (out) =>
        writeBackup(ctx, (line) => writeText(out, `${line}\n`)),
      );
      const stamp = ctx.now().toISOString().slice(0, 10);
      return reply
        .type(NDJSON)
        .header('content-disposition', `attachment; filename="ptrack-backup-${stamp}.ndjson"`)
        .header('content-length', bytes)
        .serializer((payload: unknown) => payload as string)
        .send(stream as never);
    },
  );

  app.post(
    '/restore',
    {
      config: { permission: 'backup:run' },
      schema: {
        tags: ['workspace'],
        summary: 'Restore a backup into an empty workspace (all of it or nothing)',
        consumes: [NDJSON],
        ...routeSchemas.restoreBackup,
      },
    },
    async (request) => {
      // Only the NDJSON parser hands over a stream; no body, or a JSON one, is not a backup.
      if (!(request.body instanceof Readable)) {
        throw AppError.validation([{ field: 'body', message: `must be a backup file, sent as ${NDJSON}` }]);
      }
      const lines = createInterface({ input: request.body, crlfDelay: Number.POSITIVE_INFINITY });
      return restoreBackup(contextOf(request), lines);
    },
  );
};
