#!/usr/bin/env node
// `npm start`: the server as compiled JavaScript (scripts/compiled-entry.mjs, rebuilt when a source
// changes), sparing the 1.5 s of compiling TypeScript through tsx at each start (issue 18); the sources
// through tsx if the bundle cannot be built, or with PTRACK_FROM_SOURCE=1.
import { pathToFileURL } from 'node:url';
import { compiledEntry } from './compiled-entry.mjs';

const compiled = process.env.PTRACK_FROM_SOURCE === '1' ? null : await compiledEntry('apps/server/src/main.ts', 'server');
if (compiled) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../apps/server/src/main.ts');
}
