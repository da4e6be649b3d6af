#!/usr/bin/env node
// Builds the web app (apps/web → apps/web/dist) when dist is missing or was built from other sources,
// so `npm install && npm start` on a fresh clone serves it and later starts reuse it. npm 11 gates
// dependency install scripts, so this runs from `npm start`, not from a postinstall.
//
// The sources' fingerprint (a hash of apps/web/src, index.html, the configs and the installed versions
// of the web dependencies) is written to dist/.build-hash; a start whose fingerprint matches does no
// more than hash ~50 small files. `--force` rebuilds anyway; `--check` only reports (exit 1 if stale).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'apps/web');
const dist = join(web, 'dist');
const stamp = join(dist, '.build-hash');

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The installed version of each web dependency: an upgrade (npm install) must rebuild too. */
function dependencyVersions() {
  const manifest = JSON.parse(readFileSync(join(web, 'package.json'), 'utf8'));
  const require = createRequire(join(web, 'package.json'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).sort();
  return names.map((name) => {
    try {
      return `${name}@${JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version}`;
    } catch {
      return `${name}@?`; // no "./package.json" export: the package.json version range still counts
    }
  });
}

export function sourceHash() {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(join(web, 'src')),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(web, 'package.json'),
    join(web, 'tsconfig.json'),
  ]
    .filter((file) => existsSync(file))
    .sort();
  for (const file of inputs) {
    hash.update(relative(web, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  hash.update(dependencyVersions().join('\n'));
  return hash.digest('hex');
}

function builtHash() {
  if (!existsSync(join(dist, 'index.html')) || !existsSync(stamp)) return null;
  return readFileSync(stamp, 'utf8').trim();
}

/** Pre-compressed copies for the server's static files (it serves .br/.gz when the browser accepts them). */
function precompress() {
  for (const file of filesUnder(dist)) {
    if (!/\.(js|css|html|svg|json)$/.test(file) || statSync(file).size < 1024) continue;
    const body = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

export function ensureWebBuild({ force = false, quiet = false } = {}) {
  const wanted = sourceHash();
  if (!force && builtHash() === wanted) {
    if (!quiet) process.stdout.write('Web app is up to date (apps/web/dist).\n');
    return false;
  }
  process.stdout.write('Building the web app (apps/web → apps/web/dist)…\n');
  const vite = join(dirname(createRequire(join(web, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  // Always a production build, even when started from a test runner that sets NODE_ENV=test (React's
  // development build is 40% larger and slower).
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    throw new Error(`vite build failed (exit ${result.status ?? result.signal}); run \`npm run build:web\` to see why`);
  }
  precompress();
  writeFileSync(stamp, `${wanted}\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  try {
    if (args.has('--check')) {
      const fresh = builtHash() === sourceHash();
      process.stdout.write(fresh ? 'Web app build is up to date.\n' : 'Web app build is missing or stale.\n');
      process.exit(fresh ? 0 : 1);
    }
    ensureWebBuild({ force: args.has('--force'), quiet: args.has('--quiet') });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
