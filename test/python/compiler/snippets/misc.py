import sys
import weakref


def fmt(x, width=10, *, fill="*", **kw):
    return f"{x:{fill}>{width}} {x!r:^{width}.3} {'nested'} {x:>{width}}" + "%d%%" % x


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        del_me = n
        return del_me

    return inc


def kwonly(*, a, b=2):
    return a + b


def defaults(a, b=[], c={}, d=(1, 2), e=None, f=-1, g="s"):
    b.append(a)
    return b


def star(*args, **kwargs):
    return star(*args, **kwargs), star(1, *args), star(a=1, **kwargs), star(*args, b=2)


x = 10
x **= 2
x //= 3
x %= 7
x <<= 1
x >>= 1
x &= 3
x |= 8
x ^= 1
x -= 1
x *= 2
x /= 2
x @= 1 if False else 1
t = 1, 2, 3
a, (b, c) = 1, (2, 3)
print(sys.getsizeof(t), sys.getrefcount(t), weakref.getweakrefcount(x))
s = "a" "b" 'c'
big = 123456789012345678901234567890
neg_big = -big
flt = 3.14
cplx = 2j
by = b"\x00\xff"
e = ...
cond = x if x else None
idx = t[0], t[-1], t[1:], t[:2], t[::], t[:-1:2]
empty_f = f""
only_f = f"{x}"
