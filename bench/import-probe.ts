import { createContext, importPartnerRows } from '@ptrack/services';
import { openTestDatabase } from '@ptrack/storage/testing';

const n = Number(process.argv[2] ?? 20000);
const db = await openTestDatabase();
const ctx = createContext(db, { name: 'probe', source: 'import' });
function* rows() {
  for (let i = 0; i < n; i++) {
    yield {
      rowNumber: i + 2,
      partner: {
        name: `Partner ${i}`,
        type: 'Agency',
        icpMatch: 'yes',
        namedAccounts: [`Acct ${i % 997}`, `Acct ${(i + 1) % 997}`, `Acct ${(i + 2) % 997}`],
        programStatus: 'Active',
        notes: 'x'.repeat(40),
        hubspotCompanyId: String(1000000 + i),
      },
      plan: { goal: '3 qualified convos', startDate: '2025-01-15' },
      nextAction: { dueDate: '2025-02-04', type: 'Follow-up', repName: `Rep ${i}`, notes: 'Follow up' },
      baseline: { introsMade: i % 7, qualifiedConversations: i % 3 },
      activity: { firstTouchDate: '2024-11-20', lastEngagementDate: '2025-01-28' },
    };
  }
}
const t0 = performance.now();
const r = await importPartnerRows(ctx, rows(), { apply: true });
const t1 = performance.now();
console.log(
  JSON.stringify(r.counts),
  `${((n / (t1 - t0)) * 1000).toFixed(0)} rows/s`,
  `${((t1 - t0) / 1000).toFixed(1)} s`,
  `rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
);
const t2 = performance.now();
const again = await importPartnerRows(ctx, rows(), { apply: true });
console.log('re-import', JSON.stringify(again.counts), `${((n / (performance.now() - t2)) * 1000).toFixed(0)} rows/s`);
await db.close();
