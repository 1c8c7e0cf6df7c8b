#!/usr/bin/env python3
"""Random programs for the compiler's differential test: `randprog.py SEED COUNT` prints a JSON
list of COUNT sources mixing every statement and expression form the teaching subset uses
(nested functions, classes, loops with break/continue/else, try/except/else/finally, with,
comprehensions, lambdas, f-strings, constant folding). They only need to *compile*: many would
fail at run time, and some are not even valid Python (those are skipped)."""
import random, sys
R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2])
NAMES = ['a', 'b', 'c', 'x', 'y', 'n', 'obj', 'items']
def name(): return R.choice(NAMES)
def const():
    return R.choice(['1', '0', '-1', '2.5', '"s"', "'it''s'", 'None', 'True', 'False', '300', '(1, 2)', '()', '[]', '{}', 'b"x"', '10 ** 3', '2 * 3', '"a" * 3', '-0.0', '1e20', '7 // 2', '7 % -3', '1 / 4'])
def expr(d=0):
    if d > 2: return R.choice([name(), const()])
    k = R.randrange(24)
    if k == 0: return f'{expr(d+1)} {R.choice(["+","-","*","//","%","&","|","^","<<",">>","/","**"])} {expr(d+1)}'
    if k == 1: return f'{R.choice(["-","+","~","not "])}{expr(d+1)}'
    if k == 2: return f'{expr(d+1)} {R.choice(["and","or"])} {expr(d+1)}'
    if k == 3: return f'{expr(d+1)} {R.choice(["<","<=","==","!=","is","is not","in","not in",">"])} {expr(d+1)}'
    if k == 4: return f'{expr(d+1)} < {expr(d+1)} <= {expr(d+1)}'
    if k == 5: return f'({expr(d+1)} if {expr(d+1)} else {expr(d+1)})'
    if k == 6: return f'[{", ".join(expr(d+1) for _ in range(R.randrange(5)))}]'
    if k == 7: return f'({", ".join(expr(d+1) for _ in range(R.randrange(4)))},)'
    if k == 8: return '{' + ", ".join(f'{expr(d+1)}: {expr(d+1)}' for _ in range(R.randrange(4))) + '}'
    if k == 9: return '{' + ", ".join(expr(d+1) for _ in range(1 + R.randrange(4))) + '}'
    if k == 10: return f'{name()}.{R.choice(["attr","value","next"])}'
    if k == 11: return f'{name()}[{expr(d+1)}]'
    if k == 12: return f'{name()}[{R.choice(["1:", ":2", "::2", "a:b", ""])}{R.choice(["", "1"])}]'
    if k == 13: return f'{R.choice(["len","print","str","f","g"])}({", ".join(expr(d+1) for _ in range(R.randrange(3)))})'
    if k == 14: return f'{name()}.{R.choice(["append","pop","get"])}({", ".join(expr(d+1) for _ in range(R.randrange(3)))})'
    if k == 15: return f'print({expr(d+1)}, sep="", end={expr(d+1)})'
    if k == 16: return f'[{expr(d+1)} for {name()} in {expr(d+1)} if {expr(d+1)}]'
    if k == 17: return f'{{{expr(d+1)} for {name()} in {name()}}}'
    if k == 18: return f'{{{name()}: {expr(d+1)} for {name()}, {name()} in {expr(d+1)}}}'
    if k == 19: return f'sum({expr(d+1)} for {name()} in {expr(d+1)})'
    if k == 20: return f'(lambda {name()}, k=1: {expr(d+1)})'
    if k == 21: return 'f"{' + name() + '} and {' + name() + '!r:>{' + name() + '}}"'
    if k == 22: return f'sys.getrefcount({expr(d+1)})'
    return R.choice([name(), const()])
def target():
    k = R.randrange(6)
    if k == 0: return f'{name()}.attr'
    if k == 1: return f'{name()}[{expr(2)}]'
    if k == 2: return f'{name()}, {name()}'
    if k == 3: return f'{name()}, *{name()}'
    return name()
def stmts(depth, infunc, inloop, indent):
    out = []
    for _ in range(1 + R.randrange(4)):
        out += stmt(depth, infunc, inloop, indent)
    return out
def stmt(depth, infunc, inloop, ind):
    p = '    ' * ind
    k = R.randrange(30 if depth < 3 else 12)
    if k == 0: return [f'{p}{target()} = {expr()}']
    if k == 1: return [f'{p}{name()} {R.choice(["+=","-=","*=","|=","//="])} {expr()}']
    if k == 2: return [f'{p}{expr()}']
    if k == 3: return [f'{p}del {R.choice([name(), name()+".attr", name()+"[0]", name()+", "+name()])}']
    if k == 4: return [f'{p}pass']
    if k == 5 and inloop: return [f'{p}{R.choice(["break","continue"])}']
    if k == 6 and infunc: return [f'{p}return{R.choice(["", " " + expr(), " 1", " None"])}']
    if k == 7: return [f'{p}print({expr()})']
    if k == 8 and infunc: return [f'{p}yield {expr()}'] if R.random() < 0.3 else [f'{p}{name()} = yield']
    if k == 9: return [f'{p}assert {expr()}' + R.choice(['', ', "msg"'])]
    if k == 10: return [f'{p}raise{R.choice(["", " ValueError(1)", " ValueError from None"])}']
    if k == 11: return [f'{p}{target()} = {target()} = {expr()}']
    if k == 12: return [f'{p}if {expr()}:'] + stmts(depth+1, infunc, inloop, ind+1) + ([f'{p}elif {expr()}:'] + stmts(depth+1, infunc, inloop, ind+1) if R.random()<0.3 else []) + ([f'{p}else:'] + stmts(depth+1, infunc, inloop, ind+1) if R.random()<0.5 else [])
    if k == 13: return [f'{p}while {expr()}:'] + stmts(depth+1, infunc, True, ind+1) + ([f'{p}else:'] + stmts(depth+1, infunc, inloop, ind+1) if R.random()<0.3 else [])
    if k == 14: return [f'{p}for {target()} in {expr()}:'] + stmts(depth+1, infunc, True, ind+1) + ([f'{p}else:'] + stmts(depth+1, infunc, inloop, ind+1) if R.random()<0.3 else [])
    if k == 15:
        out = [f'{p}try:'] + stmts(depth+1, infunc, inloop, ind+1)
        nh = R.randrange(3)
        for i in range(nh):
            out += [f'{p}except {R.choice(["ValueError", "(KeyError, IndexError)", "Exception as e"])}:'] + stmts(depth+1, infunc, inloop, ind+1)
        if nh and R.random() < 0.3: out += [f'{p}else:'] + stmts(depth+1, infunc, inloop, ind+1)
        if not nh or R.random() < 0.4: out += [f'{p}finally:'] + stmts(depth+1, infunc, inloop, ind+1)
        return out
    if k == 16: return [f'{p}with {expr()}{R.choice(["", " as cm"])}{R.choice(["", ", " + name() + " as w"])}:'] + stmts(depth+1, infunc, inloop, ind+1)
    if k == 17:
        args = R.choice(['', 'a', 'a, b=2', 'a, *args', '*args, k=1, **kw', 'self, value=None', 'a, /, b', 'x, *, y'])
        return [f'{p}def {R.choice(["f","g","h"])}({args}):'] + ([f'{p}    """doc"""'] if R.random() < 0.2 else []) + ([f'{p}    {R.choice(["nonlocal", "global"])} {name()}'] if R.random() < 0.2 and infunc else []) + stmts(depth+1, True, False, ind+1)
    if k == 18: return [f'{p}class {R.choice(["A","B"])}{R.choice(["", "(A)", "(object, metaclass=type)"])}:'] + stmts(depth+1, False, False, ind+1)
    if k == 19: return [f'{p}global {name()}']
    if k == 20 and infunc: return [f'{p}{name()} = yield from {expr()}']
    if k == 21: return [f'{p}class C({R.choice(["", "A", "object"])}):', f'{p}    """doc"""', f'{p}    attr = {expr()}', f'{p}    def m(self, a=1):', f'{p}        super().m()', f'{p}        self.{R.choice(["x","__p"])} = {expr()}'] + stmts(depth+1, True, False, ind+2)
    if k == 22: return [f'{p}def gen({R.choice(["", "n", "*a"])}):', f'{p}    for i in {expr()}:', f'{p}        yield i'] + stmts(depth+1, True, False, ind+1)
    if k == 23 and infunc: return [f'{p}nonlocal {name()}']
    return [f'{p}{name()} = {expr()}']
out = []
for i in range(N):
    src = ['import gc, sys'] + stmts(0, False, False, 0)
    out.append('\n'.join(src) + '\n')
import json
json.dump(out, sys.stdout)
