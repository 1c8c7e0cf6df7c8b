#!/usr/bin/env python3
"""Batch oracle for the compiler tests: for every path in the JSON list file argv[1], writes
{path: {"ast": ..., "code": ...}} to argv[2] using test/tools/pyast.py and test/tools/pycode.py
in ONE process (no per-file interpreter start-up). A file CPython rejects gets
{"error": {"type", "msg", "lineno"}} instead of "code"."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'tools'))
import pyast  # noqa: E402
import pycode  # noqa: E402
import ast  # noqa: E402


def main():
    paths = json.load(open(sys.argv[1]))
    out = {}
    for path in paths:
        src = open(path, encoding='utf-8').read()
        entry = {}
        try:
            entry['ast'] = pyast.node(ast.parse(src, path))
            co = compile(src, path, 'exec', dont_inherit=True)
            entry['code'] = pycode.code(co)
        except SyntaxError as e:
            entry['error'] = {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno}
        out[path] = entry
    json.dump(out, open(sys.argv[2], 'w'), ensure_ascii=False)


if __name__ == '__main__':
    main()
