// A micro-benchmark of one use case — `logTouch` by default, or a read scenario with `--op` — called
// in-process on a generated workspace in an in-memory PGlite, no HTTP. With `--against <worktree>`, the
// same calls run on that checkout's code too (its own services, storage and schema, in its own
// database), sample by sample in turn, so the two figures share the machine's load and the ratio between
// them holds on a busy machine: how a change to the code moved a figure.
//   tsx bench/log-touch.ts [--op touch|today|needs-attention|by-name|detail|dashboard] [--scale 0.05]
//                          [--samples 300] [--against /path/to/other/worktree]
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarise } from './lib';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.05' },
    samples: { type: 'string', default: '300' },
    against: { type: 'string' },
    op: { type: 'string', default: 'touch' },
  },
});

type Tree = {
  name: string;
  logOnce: (i: number) => Promise<void>;
  /** Messages exchanged with PGlite so far (each statement is a few): the round trips, whatever the load. */
  messages: () => number;
  close: () => Promise<void>;
};

// biome-ignore lint/suspicious/noExplicitAny: each checkout's services module, imported by path
type Services = any;

/** One call of the chosen use case, through the given checkout's services. */
async function runOp(
  services: Services,
  ctx: unknown,
  i: number,
  repAt: (i: number) => string,
  partnerAt: (i: number) => string,
): Promise<void> {
  switch (args.op) {
    case 'touch':
      await services.logTouch(ctx, { repId: repAt(i), kind: 'call', direction: i % 4 === 3 ? 'inbound' : 'outbound' });
      return;
    case 'today':
      await services.getToday(ctx);
      return;
    case 'needs-attention':
      await services.listPartners(ctx, { view: 'needs-attention', sort: '-pipelineValueMinor', limit: 50 });
      return;
    case 'by-name':
      await services.listPartners(ctx, { sort: 'name', limit: 50 });
      return;
    case 'detail':
      await services.getPartner(ctx, partnerAt(i));
      return;
    case 'dashboard':
      await services.getDashboard(ctx);
      return;
    default:
      throw new Error(`--op must be touch, today, needs-attention, by-name, detail or dashboard, not ${args.op}`);
  }
}

/** Opens a generated workspace with one checkout's code; `root` is that checkout's directory. */
async function openTree(name: string, root: string, scale: number): Promise<Tree> {
  const storage = await import(resolve(root, 'packages/storage/src/index.ts'));
  const services = await import(resolve(root, 'packages/services/src/index.ts'));
  const bench = await import(resolve(root, 'bench/generate.ts'));
  const database = await storage.openDatabase({ kind: 'pglite-memory' });
  const generation = await bench.generate(database, { scale });
  const client = storage.pgliteClientOf(database);
  let messages = 0;
  const exec = client.execProtocolStream.bind(client);
  client.execProtocolStream = (...a: unknown[]) => {
    messages++;
    return exec(...a);
  };
  const ctx = services.createContext(database, services.systemActor('bench', 'api'));
  const repAt = (i: number) => bench.benchId('r', 1 + ((((i * 7919) % generation.reps) + generation.reps) % generation.reps));
  const partnerAt = (i: number) =>
    bench.benchId('p', 1 + ((((i * 7919) % generation.partners) + generation.partners) % generation.partners));
  return {
    name,
    logOnce: async (i) => {
      await runOp(services, ctx, i, repAt, partnerAt);
    },
    messages: () => messages,
    close: () => database.close(),
  };
}

async function main(): Promise<void> {
  const scale = Number(args.scale);
  const samples = Number(args.samples);
  const trees = [await openTree('this tree', resolve(import.meta.dirname, '..'), scale)];
  if (args.against) trees.push(await openTree(args.against, resolve(args.against), scale));
  const times = trees.map(() => [] as number[]);
  const messagesBefore = trees.map(() => 0);
  const loads: number[] = [];
  for (let i = -20; i < samples; i++) {
    if (i === 0) for (const [k, t] of trees.entries()) messagesBefore[k] = t.messages();
    // Alternate which tree goes first, so neither always runs right after the other's writes.
    const order = i % 2 === 0 ? trees.map((_, k) => k) : trees.map((_, k) => trees.length - 1 - k);
    for (const k of order) {
      const tree = trees[k];
      if (!tree) continue;
      const started = performance.now();
      await tree.logOnce(i + 100_000 * k);
      if (i >= 0) times[k]?.push(performance.now() - started);
    }
    if (i >= 0 && i % 50 === 0) loads.push(loadavg()[0] ?? Number.NaN);
  }
  const load = loads.map((l) => l.toFixed(1)).join(' ');
  const summaries = times.map((t) => summarise(t));
  trees.forEach((tree, k) => {
    const s = summaries[k];
    const perCall = (tree.messages() - (messagesBefore[k] ?? 0)) / samples;
    if (s)
      console.log(
        `${tree.name}: ${args.op} p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, mean ${s.mean.toFixed(2)} ms (n ${s.n}), ` +
          `${perCall.toFixed(1)} PGlite messages per call`,
      );
  });
  const [a, b] = summaries;
  if (a && b) console.log(`this tree / other: p50 ${(a.p50 / b.p50).toFixed(3)}×, mean ${(a.mean / b.mean).toFixed(3)}×`);
  console.log(`1-minute load average during the run: ${load}`);
  for (const tree of trees) await tree.close();
}

await main();
