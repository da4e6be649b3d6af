// The PGlite directory the UI benchmark serves from: the same directory and marker as `npm run bench`
// (bench/.data/pglite-scale-<scale>/bench-marker.json), so either benchmark reuses the other's data.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR, openDatabase } from '@ptrack/storage';
import { GENERATOR_VERSION, type GenerateResult, generate } from './generate';
import { REPO_ROOT } from './server';

type Marker = { generatorVersion: number; scale: number; migrations: string[]; generation: GenerateResult; at: string };

export type PreparedData = { dataDir: string; generation: GenerateResult; reusedFrom: string | null };

const migrationNames = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();

/** A PGlite directory holding this scale's data: reused when generator, scale and migrations match. */
export async function preparePgliteData(o: {
  scale: number;
  fresh: boolean;
  log: (line: string) => void;
}): Promise<PreparedData> {
  const dataDir = join(REPO_ROOT, 'bench', '.data', `pglite-scale-${o.scale}`);
  const markerFile = join(dataDir, 'bench-marker.json');
  if (!o.fresh && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    const same =
      marker.generatorVersion === GENERATOR_VERSION &&
      marker.scale === o.scale &&
      JSON.stringify(marker.migrations) === JSON.stringify(migrationNames());
    if (same) return { dataDir, generation: marker.generation, reusedFrom: marker.at };
    o.log('data: the directory is from another generator, scale or schema: regenerating');
  }
  rmSync(dataDir, { recursive: true, force: true });
  const database = await openDatabase({ kind: 'pglite', dataDir });
  let generation: GenerateResult;
  try {
    generation = await generate(database, { scale: o.scale, log: o.log });
  } finally {
    await database.close();
  }
  const marker: Marker = {
    generatorVersion: GENERATOR_VERSION,
    scale: o.scale,
    migrations: migrationNames(),
    generation,
    at: new Date().toISOString(),
  };
  writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
  return { dataDir, generation, reusedFrom: null };
}
