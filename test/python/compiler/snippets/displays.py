"""Module docstring."""
a = b = c = 1
big = [a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a]
bigc = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]
bigt = (a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a)
bigs = {a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b}
bigd = {1: a, 2: a, 3: a, 4: a, 5: a, 6: a, 7: a, 8: a, 9: a, 10: a, 11: a, 12: a, 13: a, 14: a, 15: a, 16: a, 17: a, 18: a}
bigdn = {a: 1, b: 2, c: 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10, "k": 11, "l": 12, "m": 13, "n": 14, "o": 15, "p": 16, "q": 17}
manyargs = print(a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a)
kwmany = dict(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16)
meth = big.index(a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a)
fs = f"{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}"
empty = [], (), {}, set()
one = [1], (1,), {1}, {1: 2}
two = [1, 2], {1, 2}
mixed = [1, a, "x"]
starred = (*big, 1)
call_star = print(*big, a, *big)
call_kw = print(a, sep="", end="\n")
call_both = print(*big, **bigd)
call_kw_star = print(a, *big, sep="", **bigd)
nested_const = ((1, 2), (3, (4, 5)))
neg = (-1, -2.5, not 0)
multi = (
    a.
    bit_length()
)
multiline_call = print(
    a,
    b,
)
chain = big.copy().count(
    1
)
