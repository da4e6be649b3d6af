import { createContext, importPartnerRows } from '@ptrack/services';
import { openTestDatabase } from '@ptrack/storage/testing';
const totals = new Map<string, number>();
(globalThis as any).lap = (l: string, t: number) => totals.set(l, (totals.get(l) ?? 0) + performance.now() - t);
const db = await openTestDatabase();
const ctx = createContext(db, { name: 'probe', source: 'import' });
const N = 10000;
function* rows() {
  for (let i = 0; i < N; i++) yield { rowNumber: i + 2, partner: { name: `Partner ${i}`, type: 'Agency', icpMatch: 'yes', namedAccounts: [`Acct ${i % 997}`, `Acct ${(i+1) % 997}`, `Acct ${(i+2) % 997}`], programStatus: 'Active', notes: 'some notes here', hubspotCompanyId: String(1000000 + i) }, plan: { goal: '3 qualified convos', startDate: '2025-01-15' }, nextAction: { dueDate: '2025-02-04', type: 'Follow-up', repName: `Rep ${i}`, notes: 'Follow up' }, baseline: { introsMade: i % 7 }, activity: { firstTouchDate: '2024-11-20', lastEngagementDate: '2025-01-28' } };
}
const t0 = performance.now();
await importPartnerRows(ctx, rows(), { apply: true });
const total = performance.now() - t0;
console.log(`total ${total.toFixed(0)} ms, ${(N / total * 1000).toFixed(0)} rows/s`);
for (const [k, v] of totals) console.log(k.padEnd(28), v.toFixed(0));
await db.close();
process.exit(0);
