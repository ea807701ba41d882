// The peer side of the review benchmark: ruff's WebAssembly build (@astral-sh/ruff-wasm-nodejs) checks
// every Python file below a folder with the rule groups closest to the skill's checklist.
// Usage: node ruff-check.mjs DIR...   Prints one summary line to stderr; diagnostics (JSON lines) to stdout.
// The walk skips the same folder names as `skillhost review` (SourceDiscovery.ExcludedFolders), so both
// tools see the same files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import ruff from '@astral-sh/ruff-wasm-nodejs';

const { Workspace, PositionEncoding } = ruff;
const SELECT = ['PERF', 'ASYNC', 'C4', 'G', 'FURB', 'SLOT', 'B019'];
const EXCLUDED = new Set([
  'target', 'bin', 'obj', 'node_modules', '.venv', 'venv', '__pycache__', '.git', 'build', 'dist', 'site-packages',
  '.hg', '.svn', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.eggs', '__pypackages__',
]);
const EXTENSIONS = new Set(['.py', '.pyi', '.pyw']);

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!EXCLUDED.has(entry.name)) yield* walk(join(dir, entry.name));
    } else if (entry.isFile() && EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      yield join(dir, entry.name);
    }
  }
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: node ruff-check.mjs DIR...');
  process.exit(2);
}

const workspace = new Workspace({ lint: { select: SELECT } }, PositionEncoding.Utf16);
let files = 0;
let diagnostics = 0;
let failures = 0;
const out = [];
for (const folder of folders) {
  for (const file of walk(folder)) {
    files++;
    try {
      for (const d of workspace.check(readFileSync(file, 'utf8'))) {
        diagnostics++;
        out.push(JSON.stringify({ path: file, code: d.code, row: d.start_location.row, column: d.start_location.column, message: d.message }));
      }
    } catch (error) {
      failures++;
      console.error(`ruff-check: ${file}: ${error}`);
    }
  }
}

process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
console.error(`ruff-check: ruff=${Workspace.version()} select=${SELECT.join(',')} files=${files} diagnostics=${diagnostics} failures=${failures}`);
