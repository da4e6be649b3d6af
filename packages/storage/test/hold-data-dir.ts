// Test helper process: opens a PGlite data directory, reports what happened as one JSON line, and, when
// it got the directory, writes `count` partners and keeps it open until killed.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/database';

const [dataDir, countText = '0'] = process.argv.slice(2);
try {
  const database = await openDatabase({ kind: 'pglite', dataDir: dataDir!, lockCommand: 'hold-data-dir test helper' });
  for (let i = 0; i < Number(countText); i++) {
    await database.db.execute(sql`insert into partners (name) values (${`Held ${process.pid} ${i}`})`);
  }
  process.stdout.write(`${JSON.stringify({ opened: true, pid: process.pid })}\n`);
  setInterval(() => {}, 1000);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ opened: false, code: (error as { code?: string }).code, message: (error as Error).message })}\n`,
  );
  process.exit(1);
}
