/**
 * CPython's side of the parser contract: many sources dumped by test/tools/pyast.py in ONE
 * python3 process (its `node`/`constant` functions, imported), so the tests stay fast.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const TOOLS = resolve(import.meta.dirname, '../../tools');
/** CPython's answers, keyed by the sources and the dump tool: reruns need no python3. */
const CACHE = join(tmpdir(), 'heap-heroes-pyast-cache');

const BATCH = `
import json, sys
sys.path.insert(0, sys.argv[1])
import ast, pyast
sources = json.load(open(sys.argv[2], encoding='utf-8'))
out = []
for src in sources:
    try:
        out.append(pyast.node(ast.parse(src)))
    except SyntaxError as e:
        out.append({'error': {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset}})
json.dump(out, open(sys.argv[3], 'w', encoding='utf-8'), ensure_ascii=False)
`;

export interface PyError {
  type: string;
  msg: string;
  lineno: number;
  offset: number;
}

/** CPython's `ast.parse` of each source (as pyast.py prints it), or its SyntaxError; cached. */
export function cpythonAst(sources: string[]): unknown[] {
  const key = createHash('sha256')
    .update(readFileSync(join(TOOLS, 'pyast.py')))
    .update(BATCH)
    .update(JSON.stringify(sources))
    .digest('hex');
  const cached = join(CACHE, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as unknown[];
  const result = runBatch(sources);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, JSON.stringify(result));
  return result;
}

function runBatch(sources: string[]): unknown[] {
  const dir = mkdtempSync(join(tmpdir(), 'heap-heroes-pyast-'));
  try {
    const input = join(dir, 'in.json');
    const output = join(dir, 'out.json');
    writeFileSync(input, JSON.stringify(sources));
    const r = spawnSync('python3', ['-c', BATCH, TOOLS, input, output], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
    return JSON.parse(readFileSync(output, 'utf8')) as unknown[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
