a = 5
b = -a + +a - ~a
c = not a
d = a if b else c
e = a and b or c
f = a < b < c
g = a is not None
h = 1 < a <= 10 != b
i = [1, 2, 3]
j = [a, b]
k = (a, b, 3)
l = {1: a, 2: b}
m = {"x": 1, "y": 2, "z": 3}
n = {a: b, c: d}
o = {a, b, 3}
p = {1, 2, 3}
q = i[1:2]
r = i[::2]
s = i[a]
t = f"{a} and {b!r:>10} {c:{d}}"
u = "%s-%d" % (a, b)
v = 2 ** 10 + 3 * 4 - 8 // 3 % 5
w = "ab" * 3 + "c"
x = (1, 2) + (3,)
y = 1.5 * 2
z = a in [1, 2, 3] or a not in {4, 5}
aa = not (a is b)
bb = not a in i
cc = [*i, *j]
dd = {**l, "k": 1}
ee = print(*i, sep="", **l)
ff, *gg = i
hh, ii = ii, hh = 1, 2
i[0] += 1
i[a:b] = []
del i[0], q
jj = i.count(1)
kk = 10 / 4
ll = -0.0
mm = 1e20
nn = 0.1 + 0.2
oo = 7 % -3
pp = -7 // 2
qq = True + True
rr = "abc"[1]
ss = (1, 2, 3)[-1]
tt = 1 << 70
uu = 3 - 5.5
vv = b"ab" + b"c"
ww = None
xx = ...
assert a, "message"
assert b
