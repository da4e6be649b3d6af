import { z } from 'zod';

// Background jobs (issue 6): what runs on its own, when it runs next, and how its last runs went.

export const JOB_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const JOB_RUN_TRIGGERS = ['scheduled', 'manual'] as const;

const JobName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a job name such as "backup" (lower-case letters, digits and -)');

export const JobRunDto = z
  .object({
    id: z.uuid(),
    job: z.string(),
    trigger: z.enum(JOB_RUN_TRIGGERS),
    status: z.enum(JOB_RUN_STATUSES),
    attempt: z.int().meta({ description: 'Attempts made so far (0 while first queued)' }),
    maxAttempts: z.int(),
    requestedBy: z.string().nullable().meta({ description: 'Who asked for a manual run' }),
    queuedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    counts: z.record(z.string(), z.number()).meta({ description: 'What the run did, e.g. { rows: 1200, kept: 7 }' }),
    summary: z.string().nullable(),
    error: z.string().nullable().meta({ description: "The last attempt's error (a queued run with an error will be retried)" }),
  })
  .meta({ id: 'JobRun' });
export type JobRunDto = z.infer<typeof JobRunDto>;

export const JobDto = z
  .object({
    name: z.string(),
    describe: z.string(),
    available: z.boolean(),
    note: z.string().nullable().meta({ description: 'Why the job does not run on this storage, when it does not' }),
    schedule: z.object({ cron: z.string(), timeZone: z.string() }).nullable(),
    nextRunAt: z.string().nullable(),
    lastRun: JobRunDto.nullable(),
  })
  .meta({ id: 'Job' });
export type JobDto = z.infer<typeof JobDto>;

export const JobListResponse = z
  .object({
    items: z.array(JobDto),
    worker: z.boolean().meta({
      description: 'Whether a background worker runs in the server; without one, "run now" runs the job in the request',
    }),
  })
  .meta({ id: 'JobList' });
export type JobListResponse = z.infer<typeof JobListResponse>;

export const JobRunsQuery = z.strictObject({
  job: JobName.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type JobRunsQuery = z.infer<typeof JobRunsQuery>;

export const JobRunListResponse = z.object({ items: z.array(JobRunDto) }).meta({ id: 'JobRunList' });
export type JobRunListResponse = z.infer<typeof JobRunListResponse>;

export const JobNameParams = z.strictObject({ name: JobName });
