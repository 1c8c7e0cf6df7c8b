import gc


class Meta(type):
    pass


class Node(object, metaclass=Meta):
    count = 0
    names = [n for n in range(3)]
    total = sum(count for _ in range(2))

    def __init__(self, value, *children, **extra):
        super().__init__()
        Node.count += 1
        self.value = value
        self.children = list(children)
        self.extra = extra

    def __del__(self):
        print(f"del {self.value!s} {self.value!a} {self.value=}")

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def deep(self):
        def helper():
            return __class__, self
        return helper

    def make(self):
        return Node(0)


class Slot:
    __slots__ = ["x", "y"]

    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def swap(self):
        self.x, self.y = self.y, self.x
        a, b, c = 1, 2, 3
        c, b, a = a, b, c
        return a


class WithClassVar:
    x = 1

    def f(self):
        x = 2

        class Inner:
            y = x

        return Inner


root = Node(1, Node(2), Node(3), tag="t")
print([n.value for n in root.walk()])
gc.collect()
