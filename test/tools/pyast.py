#!/usr/bin/env python3
"""Dump CPython 3.11's `ast.parse` of a file as JSON: the contract the TypeScript parser meets.

    python3 test/tools/pyast.py FILE.py        # one JSON document on stdout
    python3 test/tools/pyast.py -              # source on stdin

Shape (see shared/python/syntax/ast.ts):
- every node is an object with `_type` (the ast class name) and every field in `_fields`
  order, then `lineno`, `col_offset`, `end_lineno`, `end_col_offset` where the node has them
  (offsets are UTF-8 byte columns, as CPython reports them);
- expr_context, operators and other field-less nodes are `{"_type": "Load"}` etc.;
- a `Constant`'s value is tagged (`PyConstant` in ast.ts): None, bool, int and float as decimal
  text (float as repr), complex, str, bytes (latin-1 text), Ellipsis;
- a SyntaxError prints `{"error": {"type", "msg", "lineno", "offset", "end_lineno",
  "end_offset", "text"}}` and exits 0.
"""
import ast
import json
import sys


def constant(v):
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


def node(n):
    if isinstance(n, list):
        return [node(x) for x in n]
    if not isinstance(n, ast.AST):
        return n
    out = {'_type': type(n).__name__}
    for f in n._fields:
        v = getattr(n, f, None)
        out[f] = constant(v) if isinstance(n, ast.Constant) and f == 'value' else node(v)
    for a in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
        if a in n._attributes:
            out[a] = getattr(n, a, None)
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else '-'
    src = sys.stdin.read() if path == '-' else open(path, encoding='utf-8').read()
    try:
        tree = ast.parse(src, filename=path)
    except SyntaxError as e:
        err = {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
               'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}
        print(json.dumps({'error': err}, ensure_ascii=False))
        return
    print(json.dumps(node(tree), ensure_ascii=False))


if __name__ == '__main__':
    main()
