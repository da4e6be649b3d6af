// The HubSpot stand-in in a process of its own, for bench/hubspot-sync.ts: HubSpot is another machine,
// so its work must not share the sync's event loop. Seeds the program, prints one JSON line
// { url, accessToken, companies, deals }, answers "stats" on stdin with its request counts, and exits
// when stdin closes.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { seedProgram, startHubSpotStandIn } from '@ptrack/hubspot-stand-in';

const { values: args } = parseArgs({
  options: {
    companies: { type: 'string', default: '2000' },
    'reps-per-company': { type: 'string', default: '5' },
    deals: { type: 'string', default: '5000' },
  },
});
const standIn = await startHubSpotStandIn({ rateLimit: { max: 190, intervalMs: 10_000 } });
const seeded = seedProgram(standIn.store, {
  companies: Number(args.companies),
  contactsPerCompany: Number(args['reps-per-company']),
  deals: Number(args.deals),
});
process.stdout.write(
  `${JSON.stringify({ url: standIn.url, accessToken: standIn.accessToken, companies: seeded.companyIds.length, deals: seeded.dealIds.length })}\n`,
);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'stats') {
    process.stdout.write(`${JSON.stringify(standIn.stats)}\n`);
    standIn.resetStats();
  }
});
lines.on('close', () => {
  void standIn.close().then(() => process.exit(0));
});
