#!/usr/bin/env node
// ptrack runs compiled JavaScript: the CLI and the workspace sources bundled once by esbuild and
// rebuilt when a source changes (scripts/compiled-entry.mjs), which starts several times faster than
// compiling every module through tsx at each start. If the bundle cannot be built, tsx runs the sources.
// PTRACK_FROM_SOURCE=1 runs the sources through tsx anyway.
import { pathToFileURL } from 'node:url';
import { compiledEntry } from '../../../scripts/compiled-entry.mjs';

const compiled = process.env.PTRACK_FROM_SOURCE === '1' ? null : await compiledEntry('apps/cli/src/main.ts', 'cli');
if (compiled) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
