import { createInterface } from 'node:readline';
import { PassThrough, Readable } from 'node:stream';
import { routeSchemas } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { restoreBackup, seedDemoWorkspace, writeBackup } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

export const NDJSON = 'application/x-ndjson';
// A backup holds the whole workspace: far above the 1 MiB limit of ordinary requests.
const RESTORE_BODY_LIMIT = 4 * 1024 ** 3;

export const workspaceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
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
      const out = new PassThrough();
      // A download the client abandons destroys the stream: the writer must stop, not wait for a 'drain'
      // that never comes while it holds the snapshot's transaction (on PGlite, the whole database).
      const write = (line: string) =>
        new Promise<void>((done, fail) => {
          if (out.destroyed) return fail(new Error('the backup download was closed'));
          if (out.write(`${line}\n`)) return done();
          const onDrain = () => {
            out.off('close', onClose);
            done();
          };
          const onClose = () => {
            out.off('drain', onDrain);
            fail(new Error('the backup download was closed'));
          };
          out.once('drain', onDrain);
          out.once('close', onClose);
        });
      // The first line is only written once the snapshot is open, so errors before it are problem+json.
      let begun = false;
      const started = new Promise<void>((ready, fail) => {
        writeBackup(ctx, async (line) => {
          begun = true;
          ready();
          await write(line);
        }).then(
          () => out.end(),
          (error: unknown) => {
            fail(error);
            // Before the first line the error handler answers (and logs); after it, only the log can tell.
            if (begun && !out.destroyed) {
              request.log.error({ err: error }, 'the backup stopped part-way');
              out.destroy(error as Error);
            }
          },
        );
      });
      await started;
      const stamp = ctx.now().toISOString().slice(0, 10);
      return reply
        .type(NDJSON)
        .header('content-disposition', `attachment; filename="ptrack-backup-${stamp}.ndjson"`)
        .serializer((payload: unknown) => payload as string)
        .send(out as never);
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
