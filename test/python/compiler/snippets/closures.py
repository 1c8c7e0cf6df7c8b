def outer(a, b=2, *args, c, d=4, **kw):
    x = 1

    def inner():
        nonlocal x
        x += a
        return x

    def reader():
        return x + b

    return inner, reader


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count = count + step
        return count

    return inc


def shadow(value):
    value = [value]
    f = lambda n: value[0] + n
    return f


adders = [lambda y, i=i: i + y for i in range(3)]
k = counter()
G = 5


def use_global():
    global G
    G += 1
    del G


def posonly(a, b, /, c):
    return a, b, c
