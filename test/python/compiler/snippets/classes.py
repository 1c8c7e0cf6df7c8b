class Base:
    """A base."""

    kind = "base"
    __slots__ = ("a", "__b")

    def __init__(self, a):
        self.a = a
        self.__b = 2

    def __repr__(self):
        return f"Base({self.a!r})"

    def method(self):
        return __class__


class Child(Base, metaclass=type):
    def __init__(self, a):
        super().__init__(a)
        self._c = [1, 2, 3]

    def c(self):
        return self._c

    def __eq__(self, other):
        return isinstance(other, Child) and self.a == other.a


def factory():
    class Local:
        def get(self):
            return Local

    return Local
