class CM:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


def use():
    with CM() as a, CM() as b:
        return a, b


def loop(items):
    for x in items:
        with CM():
            if x:
                continue
            break


with CM() as c:
    print(c)
with CM():
    pass
