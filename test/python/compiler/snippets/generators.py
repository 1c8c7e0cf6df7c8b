def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def delegate(n):
    result = yield from count(n)
    print(result)
    yield


def gen_in_try():
    try:
        yield 1
    finally:
        print("closed")


g = (x * 2 for x in range(10) if x % 2)
total = sum(x for x in range(5))
nested = [(a, b) for a in range(3) for b in range(a) if a != b if b]
squares = {k: k * k for k in range(4)}
unique = {v % 3 for v in range(10)}
pairs = [y for y in [1]]
lam = lambda: (yield)
