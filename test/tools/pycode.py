#!/usr/bin/env python3
"""Dump the code objects CPython 3.11 compiles from a file as JSON: the contract between our
compiler (which must produce the same) and our virtual machine (which runs it).

    python3 test/tools/pycode.py FILE.py       # one JSON document on stdout
    python3 test/tools/pycode.py -             # source on stdin

Shape (see shared/python/compiler/code.ts):
- `instrs`: the instructions without CACHE entries and without EXTENDED_ARG (folded into the
  argument). `arg` is the raw oparg, except for jumps, whose `arg` is the *index* of the target
  instruction in `instrs` (absolute, whatever the jump's direction). `line` is the line number
  or null; `pos` is [lineno, end_lineno, col_offset, end_col_offset] (UTF-8 byte columns) or null.
- `exceptionTable`: entries {start, end, target, depth, lasti} with start/end/target as
  instruction indices (end exclusive).
- `consts`: tagged constants (PyConstant of ast.ts, plus tuple, frozenset and code).
- every co_* field a runtime needs: names, varnames, cellvars, freevars, flags, counts.
"""
import dis
import json
import sys
import types


def const(v):
    if isinstance(v, types.CodeType):
        return {'t': 'code', 'code': code(v)}
    if isinstance(v, tuple):
        return {'t': 'tuple', 'items': [const(x) for x in v]}
    if isinstance(v, frozenset):
        return {'t': 'frozenset', 'items': [const(x) for x in sorted(v, key=repr)]}
    if v is None:
        return {'t': 'None'}
    if v is Ellipsis:
        return {'t': 'Ellipsis'}
    if isinstance(v, bool):
        return {'t': 'bool', 'v': v}
    if isinstance(v, int):
        return {'t': 'int', 'v': str(v)}
    if isinstance(v, float):
        return {'t': 'float', 'v': repr(v)}
    if isinstance(v, complex):
        return {'t': 'complex', 'real': repr(v.real), 'imag': repr(v.imag)}
    if isinstance(v, str):
        return {'t': 'str', 'v': v}
    if isinstance(v, bytes):
        return {'t': 'bytes', 'v': v.decode('latin-1')}
    raise TypeError(type(v))


def code(co):
    raw = list(dis.get_instructions(co))
    # dis folds EXTENDED_ARG into the next instruction's arg but still lists it: drop it, and
    # let an offset that points at one stand for the instruction it prefixes.
    instrs = [ins for ins in raw if ins.opname != 'EXTENDED_ARG']
    index = {}
    k = 0
    for ins in raw:
        index[ins.offset] = k
        if ins.opname != 'EXTENDED_ARG':
            k += 1
    out_instrs = []
    for ins in instrs:
        arg = ins.arg
        if ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs:
            arg = index[ins.argval]
        p = ins.positions
        pos = None if p is None or p.lineno is None else [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset]
        out_instrs.append({'op': ins.opname, 'arg': arg, 'line': p.lineno if p else None, 'pos': pos})
    table = []
    for e in dis._parse_exception_table(co):
        end = index.get(e.end)
        if end is None:  # end is exclusive; past the last instruction
            end = len(instrs)
        table.append({'start': index[e.start], 'end': end, 'target': index[e.target],
                      'depth': e.depth, 'lasti': e.lasti})
    return {
        'name': co.co_name,
        'qualname': co.co_qualname,
        'firstlineno': co.co_firstlineno,
        'argcount': co.co_argcount,
        'posonlyargcount': co.co_posonlyargcount,
        'kwonlyargcount': co.co_kwonlyargcount,
        'flags': co.co_flags,
        'stacksize': co.co_stacksize,
        'nlocals': co.co_nlocals,
        'varnames': list(co.co_varnames),
        'cellvars': list(co.co_cellvars),
        'freevars': list(co.co_freevars),
        'names': list(co.co_names),
        'consts': [const(c) for c in co.co_consts],
        'instrs': out_instrs,
        'exceptionTable': table,
    }


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else '-'
    src = sys.stdin.read() if path == '-' else open(path, encoding='utf-8').read()
    co = compile(src, path, 'exec', dont_inherit=True)
    print(json.dumps(code(co), ensure_ascii=False))


if __name__ == '__main__':
    main()
