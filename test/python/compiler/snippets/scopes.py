x = 1


class A:
    x = 2
    y = [x for _ in range(3)]

    def f(self):
        return x

    def g(self):
        def h():
            return self
        return h


def outer():
    v = 1

    class B:
        w = v

        def m(self):
            return v

    return B


def cellarg(a, b):
    def inner():
        return a + b
    a = 2
    return inner


def genexp_free(n):
    return list(i + n for i in range(3))


def dict_comp_nested(m):
    return {k: [v for v in m[k]] for k in m}


class Private:
    __secret = 1

    def __init__(self):
        self.__value = self.__secret
        __local = 2
        print(__local)
