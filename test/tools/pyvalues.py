"""Evaluates a JSON list of Python expressions in ONE process (the values oracle).

argv: cases.json out.json. Each result is repr(value), or "!Type: message" when evaluating
(or repr-ing) the expression raised.
"""
import json
import sys

cases = json.load(open(sys.argv[1]))
out = []
env = {"__builtins__": __builtins__}
for expr in cases:
    try:
        out.append(repr(eval(expr, env)))
    except Exception as e:  # the exception is the result under test
        out.append("!%s: %s" % (type(e).__name__, e))
json.dump(out, open(sys.argv[2], "w"))
