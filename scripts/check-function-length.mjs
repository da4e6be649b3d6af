// Fails when a function outside tests and generated files is longer than MAX_LINES lines: a long
// function hides several steps that deserve names (issue 13). Run by `npm run lint`.
//   node scripts/check-function-length.mjs [--max N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const maxArg = process.argv.indexOf('--max');
const MAX_LINES = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 120;
const ROOTS = ['apps', 'packages', 'scripts', 'bench'];
const SKIP_DIR = new Set(['node_modules', 'dist', 'coverage', 'migrations', 'test', 'data']);
const SKIP_FILE = /\.(test|int\.test|testing)\.tsx?$|\.d\.ts$|\.generated\.tsx?$/;
// Generators (long tables of made-up data by design).
const GENERATORS = new Set(['bench/generate.ts']);

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP_DIR.has(name) ? [] : sources(path);
    return /\.(ts|tsx|mts|mjs)$/.test(name) && !SKIP_FILE.test(name) ? [path] : [];
  });
}

function nameOf(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

const tooLong = [];
for (const file of ROOTS.flatMap((r) => sources(join(root, r)))) {
  const path = relative(root, file);
  if (GENERATORS.has(path)) continue;
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : file.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.end).line;
      const lines = end - start + 1;
      if (lines > MAX_LINES) tooLong.push(`${path}:${start + 1} ${nameOf(node, source)} is ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (tooLong.length > 0) {
  console.error(`Functions over ${MAX_LINES} lines (split them into named steps):\n  ${tooLong.join('\n  ')}`);
  process.exit(1);
}
console.log(`No function over ${MAX_LINES} lines.`);
