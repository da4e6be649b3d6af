// Compiled JavaScript for the CLI (and any other entry point): the workspace's TypeScript sources bundled
// into one ES module with esbuild, rebuilt when a source changes, instead of compiling ~400 files
// through tsx's loader hooks on every start (issue 14: a CLI command took 5–20 s, most of it start-up).
//
// - Workspace sources are bundled; every npm package stays external, imported from the file the
//   package's own resolution picks (packages/services has a better-auth of its own).
// - `import.meta.url` and `import.meta.dirname` keep naming the SOURCE file, so paths computed from them
//   (the migrations folder, the web bundle, package.json) are the same as under tsx.
// - The bundle lives in node_modules/.cache/ptrack beside a fingerprint of its sources; a start whose
//   fingerprint matches hashes the sources (a few milliseconds) and imports it. A stale or missing bundle
//   is rebuilt (about a second) and written atomically, so concurrent starts never read half a file.
// - Any failure returns null: the caller falls back to running the sources through tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env.PTRACK_TEMPLATE_CACHE?.trim() || join(ROOT, 'node_modules', '.cache', 'ptrack');
/** What a bundle is built from: the workspace packages' sources and manifests, the CLI's and the server's. */
function sourceFiles() {
  const packages = readdirSync(join(ROOT, 'packages')).map((name) => join(ROOT, 'packages', name));
  return [
    ...[...packages, join(ROOT, 'apps/cli'), join(ROOT, 'apps/server')].map((dir) => join(dir, 'package.json')),
    ...[...packages, join(ROOT, 'apps/cli'), join(ROOT, 'apps/server')].flatMap((dir) => sourcesUnder(join(dir, 'src'))),
  ].filter((file) => existsSync(file));
}

function sourcesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function fingerprint(entry) {
  const hash = createHash('sha256');
  hash.update(`${entry}\0${process.version}\0`);
  for (const file of sourceFiles().sort()) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The directory Node's resolution would take the package from, walking up from `fromDir`. */
function nearestPackageDir(fromDir, specifier) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', packageName(specifier));
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** esbuild plugin: npm packages external (by the file they resolve to), import.meta of the source file. */
function sourcePathsPlugin() {
  return {
    name: 'ptrack-source-paths',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (BUILTINS.has(args.path) || args.path.startsWith('node:')) return { path: args.path, external: true };
        if (args.path.startsWith('@ptrack/') || args.pluginData === 'resolving') return undefined;
        // A package the root node_modules holds is imported by name, as Node resolves it from the bundle;
        // one installed only under a workspace package is imported from the file it resolves to there.
        if (nearestPackageDir(args.resolveDir, args.path) === join(ROOT, 'node_modules', packageName(args.path))) {
          return { path: args.path, external: true };
        }
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
        if (found.errors.length > 0) return { errors: found.errors };
        return { path: pathToFileURL(found.path).href, external: true };
      });
      build.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
        const source = readFileSync(args.path, 'utf8')
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
        return { contents: source, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/**
 * The path of an up-to-date bundle of `entry` (a path from the repository root), building it when its
 * sources changed; null when it cannot be built (then run the sources through tsx).
 */
export async function compiledEntry(entry, name) {
  try {
    const wanted = fingerprint(entry);
    // One directory per fingerprint: an older one may still be in use by a running process.
    const outdir = join(CACHE, `${name}-${wanted.slice(0, 16)}`);
    const main = join(outdir, 'main.js');
    if (existsSync(main)) return main;
    const { build } = await import('esbuild');
    mkdirSync(CACHE, { recursive: true });
    const temporary = `${outdir}.${process.pid}.tmp`;
    try {
      await build({
        entryPoints: { main: isAbsolute(entry) ? entry : join(ROOT, entry) },
        outdir: temporary,
        outExtension: { '.js': '.js' },
        bundle: true,
        // Chunks per dynamic import: a command loads the server, the database and their packages only
        // when it opens them (one file would import every package at start).
        splitting: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        sourcemap: 'inline',
        logLevel: 'silent',
        plugins: [sourcePathsPlugin()],
      });
      // The chunks are ES modules whatever the nearest package.json says.
      writeFileSync(join(temporary, 'package.json'), '{ "type": "module" }\n');
      try {
        renameSync(temporary, outdir);
      } catch (error) {
        // Another start built the same fingerprint first: its copy is as good.
        if (!existsSync(main)) throw error;
      }
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
    // Older bundles go once no process can still be loading chunks from them.
    for (const old of readdirSync(CACHE)) {
      const path = join(CACHE, old);
      if (old.startsWith(`${name}-`) && path !== outdir && Date.now() - statSync(path).mtimeMs > 86_400_000) {
        rmSync(path, { recursive: true, force: true });
      }
    }
    return main;
  } catch (error) {
    if (process.env.PTRACK_DEBUG === '1') process.stderr.write(`compiled ${entry} unavailable: ${error?.stack ?? error}\n`);
    return null;
  }
}

/** The entry points that run compiled: `node scripts/compiled-entry.mjs` builds whichever are stale. */
export const ENTRIES = [
  { entry: 'apps/cli/src/main.ts', name: 'cli' },
  { entry: 'apps/server/src/main.ts', name: 'server' },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { entry, name } of ENTRIES) {
    if (!(await compiledEntry(entry, name))) {
      process.stderr.write(`Could not compile ${entry}; it runs through tsx (PTRACK_DEBUG=1 says why).\n`);
    }
  }
}
