#!/usr/bin/env node
// `npm run dev`: the API server (PTRACK_API_PORT, 3001 by default, same data directory as `npm start`)
// and Vite's dev server with hot reload (WEB_PORT, 5173), which forwards /api to the API. One command,
// one Ctrl-C for both. Server code changes need a restart; web code reloads in place.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(web, '../..');
const apiPort = process.env.PTRACK_API_PORT ?? '3001';
const env = { ...process.env, PTRACK_API_PORT: apiPort };

const vite = join(dirname(createRequire(join(web, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
const children = [
  spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...env, PORT: apiPort },
    stdio: 'inherit',
  }),
  spawn(process.execPath, [vite], { cwd: web, env, stdio: 'inherit' }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
