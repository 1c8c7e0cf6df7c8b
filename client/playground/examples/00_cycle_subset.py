# Teaches: two objects that point at each other survive del; only the cycle collector frees them
import gc, sys

gc.disable()


class Node:
    pass


def link(a, b):
    a.next = b
    b.next = a


x = Node()
y = Node()
link(x, y)
print(sys.getrefcount(x))
del x, y
print(gc.collect())
