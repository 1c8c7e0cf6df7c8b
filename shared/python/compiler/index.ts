/**
 * The compiler: a Python-`ast`-shaped Module to the code objects CPython 3.11's `compile()`
 * makes of it (see code.ts for the contract). Pure and deterministic.
 */
import type { Module } from '../syntax/ast.ts';
import { assemble } from './assemble.ts';
import type { CodeObject } from './code.ts';
import { foldModule } from './fold.ts';
import { enterScope, exitScope } from './scope.ts';
import { compileBody } from './stmt.ts';
import { Symtable } from './symtable.ts';
import type { CompilerState } from './unit.ts';

export { PySyntaxError, UnsupportedError } from './errors.ts';
export type { CodeObject } from './code.ts';

export function compileModule(module: Module, filename = '<string>'): CodeObject {
  const folded = foldModule(module);
  const c = { st: new Symtable(folded), units: [], filename } as unknown as CompilerState;
  enterScope(c, 'module', '<module>', folded, 1);
  compileBody(c, folded.body);
  const co = assemble(c, true);
  exitScope(c);
  return co;
}
