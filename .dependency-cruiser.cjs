// Guards the dependency direction of docs/ARCHITECTURE.md:
//   domain ← storage ← services ← {server, cli, jobs}; integrations are used by services;
//   web talks to the server only through contracts; nothing in domain does IO.
// Run with `npm run lint` (or `npx depcruise apps packages --config .dependency-cruiser.cjs`).
const path = require('node:path');

// IO from Node's standard library (depcruise reports core modules without their `node:` prefix).
const NODE_IO = '^(node:)?(fs|fs/promises|net|child_process|http|https|http2|dgram|dns|dns/promises|tls|cluster|worker_threads)$';
// Drivers, ORMs and servers: only storage (and the apps that wire it) may touch them.
const NPM_IO = '(^|/)node_modules/(pg|pg-[^/]+|@electric-sql/pglite|drizzle-orm|drizzle-kit|fastify|@fastify/[^/]+)/';

// The web app's features in the order they may use one another: a feature imports only features listed
// before it, never one after, so no two features depend on each other, directly or round a longer loop
// (a feature cycle ties their code together even when no single file is in a module cycle). A new
// feature takes its place in this list. A feature's `api/` modules are leaves that only make HTTP calls
// (see web-feature-api-is-a-leaf), so any feature may call another's API without ordering the two.
const WEB_FEATURES = [
  'auth',
  'settings',
  'digests',
  'hubspot',
  'jobs',
  'import',
  'partners',
  'onboarding',
  'dashboard',
  'touches',
  'today',
  'partner-page',
  'rep-page',
  'review',
];
const FEATURES = '^apps/web/src/features/';
const featureCycleRules = WEB_FEATURES.slice(0, -1).map((feature, index) => ({
  name: 'no-feature-cycles',
  severity: 'error',
  comment: `Web features form a one-way order (WEB_FEATURES above): ${feature} must not import a feature listed after it. Move the shared piece down (to the lower feature, ui/ or lib/), or pass it in from the caller.`,
  from: { path: `${FEATURES}${feature}/` },
  to: { path: `${FEATURES}(${WEB_FEATURES.slice(index + 1).join('|')})/`, pathNot: `${FEATURES}[^/]+/api/` },
}));
const UNLISTED_FEATURE = `${FEATURES}(?!(${WEB_FEATURES.join('|')})/)[^/]+/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular dependencies hide the layering and break module initialisation order.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'catalog-is-data',
      severity: 'error',
      comment:
        'packages/catalog is plain data the browser bundle imports too: it imports no other package, no npm module and no Node module.',
      from: { path: '^packages/catalog/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(packages/(?!catalog/)|apps/|node_modules/)|^(node:)?[a-z_]+$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'packages/domain holds pure rules: it imports no other layer and no app.',
      from: { path: '^packages/domain/' },
      to: { path: '^(packages/(storage|services|contracts|integrations)|apps)/' },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment: 'No file system, network, processes or database in packages/domain: pass values in, return values.',
      from: { path: '^packages/domain/' },
      to: { path: [NODE_IO, NPM_IO] },
    },
    {
      name: 'storage-below-services',
      severity: 'error',
      comment: 'packages/storage is used by services; it must not import services, contracts, integrations or apps.',
      from: { path: '^packages/storage/' },
      to: { path: '^(packages/(services|contracts|integrations)|apps)/' },
    },
    {
      name: 'contracts-are-transport-only',
      severity: 'error',
      comment: 'packages/contracts (zod schemas) may use domain types, never storage, services, integrations or apps.',
      from: { path: '^packages/contracts/' },
      to: { path: '^(packages/(storage|services|integrations)|apps)/' },
    },
    {
      name: 'services-below-apps',
      severity: 'error',
      comment: 'packages/services is called by the apps, never the other way round.',
      from: { path: '^packages/services/' },
      to: { path: '^apps/' },
    },
    {
      name: 'integrations-below-services',
      severity: 'error',
      comment: 'packages/integrations are adapters used by services; they must not import services or apps.',
      from: { path: '^packages/integrations/' },
      to: { path: '^(packages/services|apps)/' },
    },
    {
      name: 'web-only-through-contracts',
      severity: 'error',
      comment:
        'apps/web talks to the server over HTTP; of our own code it may import only packages/contracts (types) and packages/catalog (data).',
      // The catalog's acceptance test (catalog-fixture.test.ts) reaches the export and the schemas too.
      from: { path: '^apps/web/', pathNot: '^apps/web/src/catalog-fixture\\.test\\.ts$' },
      to: { path: '^(packages/(?!contracts/|catalog/)|apps/(?!web/))' },
    },
    ...featureCycleRules,
    {
      name: 'no-feature-cycles',
      severity: 'error',
      comment:
        'Every folder under apps/web/src/features is listed in WEB_FEATURES (at the top of this file), so the feature order covers it.',
      from: { path: UNLISTED_FEATURE },
      to: {},
    },
    {
      name: 'web-feature-api-is-a-leaf',
      severity: 'error',
      comment:
        "A feature's api/ modules only make HTTP calls: they import the client, contracts and their own feature's pure helpers, nothing of another feature, ui/ or app/.",
      from: { path: `${FEATURES}([^/]+)/api/` },
      to: { path: '^apps/web/src/(features|ui|app)/', pathNot: `${FEATURES}$1/` },
    },
    {
      name: 'web-takes-only-types-from-contracts',
      severity: 'error',
      comment:
        "The browser bundle carries no zod schema: apps/web imports @ptrack/contracts with `import type` only, and plain data (the route table's paths) from zod-free subpaths such as @ptrack/contracts/endpoints.",
      // Tests are not bundled: the catalog fixture test reads the contracts' JSON Schema.
      from: { path: '^apps/web/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^packages/contracts/src/index\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'route-paths-are-plain-data',
      severity: 'error',
      comment:
        'contracts/src/endpoints.ts is what the web bundle carries at run time: it imports no zod and no schema (types only).',
      from: { path: '^packages/contracts/src/endpoints\\.ts$' },
      to: { path: ['(^|/)node_modules/zod/', '^packages/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'packages-through-their-entry',
      severity: 'error',
      comment: 'Import another workspace package as @ptrack/<name>, not by a relative path into it.',
      from: { path: '^((packages|apps)/[^/]+)/' },
      to: { path: '^(packages|apps)/', pathNot: '^$1/', dependencyTypes: ['local'], dependencyTypesNot: ['aliased'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'The import does not resolve: a typo, a missing dependency, or a subpath missing from the package "exports".',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // build output and runtime data of the apps (not node_modules/*/dist: drivers live there)
    exclude: { path: '^(packages|apps)/[^/]+/(dist|coverage|data)/' },
    // Type-only imports count too: domain must not even borrow types from storage.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.json') },
    // Workspace packages are node_modules/@ptrack/* symlinks whose package.json "exports" point at
    // src/index.ts: follow the symlinks and the exports map so '@ptrack/storage' becomes packages/storage/….
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
