import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SheetRow } from './sheet-types';

/** Paths of the committed fixtures (tests only). */
export const OWN_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../test-fixtures');
export const fixture = (name: string) => join(OWN_FIXTURES, name);

export async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}
