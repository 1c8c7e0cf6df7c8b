import gc, sys
import weakref as wr
from gc import collect, get_count as gcount


class Node:
    pass


def f():
    x = Node()
    del x
    try:
        raise ValueError("bad") from None
    except ValueError as e:
        raise RuntimeError("worse") from e


node = Node()
node.attr = 1
del node.attr
d = {}
d["k"] = 1
del d["k"]
r = wr.ref(node)
print(sys.getrefcount(node), gc.collect(), collect(), gcount())
