# Every construct of Python 3.11's grammar, with awkward spacing, for the differential test.
import os
import os.path as osp, sys
from . import x
from .. import (y as z, w,)
from ...pkg.mod import *
from .a.b import c as d
from __future__ import annotations

x = 1; y = 2;
a = b = c = [1, 2, 3]
a, b = b, a
(a, b), c = (1, 2), 3
[a, *rest] = range(10)
*head, tail = 1, 2, 3
a[1:2], a[::2], a[1:2:3], a[:], a[::], a[1:], a[:2], a[::-1]
a[1, 2], a[1:2, ::3], a[...], a[*b], a[*b, 1]
x += 1; x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6; x @= y; x &= 1; x |= 2; x ^= 3; x <<= 1; x >>= 2
x: int
x: int = 5
(x): int = 5
a.b: str = 'c'
a[0]: list[int] = []
obj.attr.sub = 3
del a, b[0], c.d
del (a, b), [c]
del a,
assert x, "message"
assert (x)
global gx, gy

def f(a, b=1, *args, c, d=2, **kw): pass
def g(a, /, b, *, c): return
def h(a=1, /, b=2, *c: int, d: str = 'x', **e: float) -> None: ...
def i(*, a): pass
def j(a, b, /): pass
def k(a: 'int' = 3, *args: *tuple[int, ...]): pass
lambda: 0
lambda x: x
lambda x, y=1, *a, z, **k: (x, y, a, z, k)
lambda *, k=3: k
lambda a, /, b: a
lambda *a, **k: 0

@decorator
@decorator.attr(1, x=2)
@(lambda f: f)
@a[0].b
def decorated(): pass

@dataclass
class C(Base, metaclass=Meta, **extra):
    """Docstring."""
    x: int = 0
    def method(self): return self.x
    @property
    def prop(self):
        nonlocal_name = 1
        def inner():
            nonlocal nonlocal_name
            nonlocal_name += 1
        return inner

class Empty: pass
class E2(): pass

async def co(a):
    await a
    async for x in a:
        pass
    else:
        pass
    async with a as b, c as (d, e):
        pass
    result = [x async for x in a if await x]
    return await (a)

def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from gen()
    z = (yield)
    await_ = (yield x)
    return (yield)

if x: pass
elif y: pass
elif z:
    pass
else:
    pass

if (n := len(a)) > 10: print(f"{n} items")
while (line := read()) != '':
    break
else:
    continue_ = 1

for i in range(10):
    if i % 2: continue
    else: break
else:
    pass
for x, y in pairs: pass
for (x, y), z in nested: pass
for [a, b] in x: pass
for x, in y: pass
for *a, b in c: pass
for x in *a, *b: pass
for i in 1, 2, 3: pass

try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except Exception as e:
    raise ValueError("x") from e
except:
    raise ValueError
else:
    pass
finally:
    pass

try:
    pass
finally:
    pass

try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass

with open('f') as f, open('g') as g: pass
with (open('f') as f, open('g') as g,): pass
with (open('f'), open('g')): pass
with (a, b) as c: pass
with (a): pass
with (a) as b: pass
with a as (b, c): pass
with a as [b, c]: pass
with a as b.c, d as e[0]: pass
with (yield): pass

match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case [*_]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(0, y=1) if y > 0:
        pass
    case Point(x, y, z=3):
        pass
    case {"x": 1, "y": yy, **rest}:
        pass
    case {1: _, -2: _, 1.5: _, 'a' 'b': _, None: _, True: _}:
        pass
    case {}:
        pass
    case []:
        pass
    case ():
        pass
    case (a):
        pass
    case (a,):
        pass
    case (a, *b):
        pass
    case 1 | 2 | 3:
        pass
    case -1 | 1.5 | -2.5j | 1 + 2j | 1 - 2j | -1 + 3j:
        pass
    case "s" | b"b" | f"f" if False:
        pass
    case None | True | False:
        pass
    case Color.RED | mod.Color.GREEN:
        pass
    case int() | str(x) as thing:
        pass
    case [1, 2] as lst:
        pass
    case (1 | 2) as n:
        pass
    case _ if x:
        pass
    case x:
        pass
    case _:
        pass

match x, y:
    case a, b: pass
match (x):
    case {**rest}: pass
match -x:
    case _: pass
match [x, *y]:
    case _: pass
match *a, b:
    case _: pass
match = 1
match.x = 2
match(3)
match[4]
case = 5
_ = 6
print(match, case, _)

# Expressions
x = a if b else c
x = a if b else c if d else e
x = not a and b or c and not d
x = a < b <= c == d != e > f >= g
x = a is b is not c in d not in e
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** n ** o
x = -a + +b - ~c
x = -1 ** -2
x = (-1) ** 2
x = await_ if True else None
x = a.b.c.d(e)(f)[g][h].i
x = f(*args, **kwargs)
x = f(a, *b, c=1, *d, **e, f=2)
x = f(x for x in y)
x = f((x for x in y), 1)
x = f(a)(b)(c)
x = f(a=1)
x = f(x := 1)
print(*a, **k)
print(1, 2, sep='', end='\n', file=sys.stderr, flush=True)
x = [1, 2, 3,]
x = [*a, *b]
x = (1,)
x = ()
x = 1,
x = {1, 2, *a}
x = {1: 2, **d, 3: 4}
x = {}
x = {**a, **b}
x = [i for i in range(10)]
x = [i * j for i in range(3) for j in range(3) if i if j]
x = {i for i in x}
x = {k: v for k, v in d.items() if v}
x = (i for i in x)
x = [(yield) for i in x] if False else 0
x = [y := 1, y ** 2]
x = ...
x = Ellipsis
x = a[b](c).d
x = a[b:c, d]
x = a[(1, 2)]
x = a[1:2,]
x = not not a
x = (a
     + b
     - c)
x = 1 + \
    2
x = [
    1,
    2,
]
x = {
  'a': 1,   # comment
  'b': 2,
}

# Numbers
n = 0; n = 00; n = 0_0; n = 7; n = 1_000_000; n = 123456789012345678901234567890
n = 0x1F; n = 0XFF; n = 0o17; n = 0O7; n = 0b1010; n = 0B1; n = 0x_dead_beef; n = 0b_1
n = 1.0; n = 1.; n = .5; n = 1e10; n = 1E-5; n = 1.5e+3; n = 1_0.0_1e1_0; n = 0.1; n = 1e16; n = 1e15
n = 123.456e-7; n = 1e-4; n = 1e-5; n = 3.14159265358979323846; n = 1e308; n = 1e309; n = 2.5e-324
n = 1j; n = 1.5J; n = 0j; n = 1e3j; n = 1_0j; n = 00j; n = 09.5; n = 0e0
n = 1if x else 2
n = [0x1for x in y]

# Strings
s = 'single'; s = "double"; s = '''triple'''; s = """triple"""
s = 'a' 'b' "c"
s = ('implicit'
     ' concatenation')
s = u'unicode'; s = U'upper'; s = r'raw\n'; s = R'raw'; s = b'bytes'; s = B'x'
s = br'\d'; s = rb'\d'; s = Rb'x'; s = bR'y'
s = 'esc \n \t \\ \' \" \a \b \f \v \r \0 \x41 \101 \u00e9 \U0001F600 \N{BULLET} \q \8'
s = b'esc \n \x41 \101 \u00e9 \377'
s = '\
continued'
s = """multi
line
string"""
s = 'é' + "ü" + '日本語' + '😀'
s = ''
s = ""
s = ''''''
s = "it's"
s = 'say "hi"'
s = '''a 'b' "c" '''
s = r'\''
s = u'a' 'b'
s = 'a' u'b'

# f-strings
f'{x}'
f"{x!r} {x!s} {x!a}"
f'{x:>10} {x:{width}.{precision}f} {x!r:^{w}}'
f'{x = }' f'{x=!s}' f'{x=:>4}' f'{ x=}'
f'{{escaped}} {{{x}}}'
f'{a["key"]} {b[0]} {c.d} {f(1, 2)}'
f"{'nested'} {f'{inner}'} {x if y else z}"
f'{x}{y}{z}'
f''
f'plain'
f'{x:}'
f'{x!r:}'
f'{3.14:.2f}'
f'{a, b}'
f'{ x }'
f'{(lambda: 1)()}'
f'{x:{"a"}}'
f'{x:{y}{z}}'
f'a' 'b' f'{c}' 'd'
'a' f'{b}'
rf'\d{x}'
fr'{x}\n'
F'{x}'
f'é{x}ü{y}'
f'{"é"}{x}'
f"""
{x}
  {y + z}
"""
f'''{
x
}'''
f"{x:%Y-%m-%d}"
f"{'a' if x else 'b'}"
f"{x!r}" "tail"
f"{x == y} {x != y} {x <= y} {x >= y}"
f"{d['a']:{'>'}{10}}"
f"{yield_ if 1 else 2}"
f"{[1, 2][0]}"
f"{ {'a': 1}['a'] }"
f"{x,}"
f"{*a,}"

# Layout
if x:
	pass  # tab-indented
if y:

    # comment between


    pass
    # trailing comment
if z:
 pass
def   spaced  (  a  ,  b  )  :  return  a
x=1;y=2
x = [  # comment in brackets
    1  # another
]
pass;
