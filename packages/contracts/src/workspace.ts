import { z } from 'zod';

// Demo workspace -----------------------------------------------------------------------------------
export const DemoRequest = z
  .strictObject({
    seed: z
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(42)
      .meta({ description: 'The same seed gives the same workspace' }),
  })
  .meta({ id: 'DemoRequest' });
export type DemoRequest = z.infer<typeof DemoRequest>;

export const DemoSummary = z
  .object({
    partners: z.int(),
    reps: z.int(),
    touches: z.int(),
    actions: z.int(),
    referrals: z.int(),
    plans: z.int(),
    accounts: z.int(),
  })
  .meta({ id: 'DemoSummary' });
export type DemoSummary = z.infer<typeof DemoSummary>;

// Backup and restore -------------------------------------------------------------------------------
export const RestoreSummary = z
  .object({
    format: z.string(),
    formatVersion: z.int(),
    createdAt: z.string(),
    tables: z.record(z.string(), z.int()).meta({ description: 'Rows restored per table' }),
  })
  .meta({ id: 'RestoreSummary' });
export type RestoreSummary = z.infer<typeof RestoreSummary>;
