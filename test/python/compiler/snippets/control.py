def f(a, b):
    if True:
        x = 1
    if 0:
        x = 2
    while 1:
        if a:
            break
    if a is None or b is not None:
        pass
    if not (a and b):
        pass
    if a if b else x:
        pass
    if a < b < 10:
        return a
    elif a == b:
        return b
    else:
        return x
    while a and not b:
        a -= 1
    while a or b < 2:
        a -= 1
    return [x for x in a if x if not x]


def g(items):
    for i in items:
        for j in items:
            if i == j:
                continue
            elif i < j:
                break
        else:
            return i
    return -1


def h(x):
    return x > 1 and x < 5 or not x


def k(seq):
    while True:
        try:
            item = next(seq)
        except StopIteration:
            break
        else:
            yield item
