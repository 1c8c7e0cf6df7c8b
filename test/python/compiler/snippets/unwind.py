def ret_in_with(cm, items):
    for x in items:
        with cm:
            if x:
                return x
            try:
                continue
            finally:
                print("f")
    return None


def ret_in_finally():
    try:
        return 1
    finally:
        return 2


def nested(a):
    try:
        try:
            a()
        except TypeError as e:
            print(e)
            raise
        finally:
            print("inner")
    except Exception:
        return "caught"
    return "ok"


def loop_try(items):
    while items:
        try:
            x = items.pop()
            if x == 1:
                break
        except IndexError:
            continue
        else:
            print(x)
        finally:
            print("next")


def gen_cleanup():
    try:
        while True:
            value = yield
            print(value)
    except GeneratorExit:
        print("closing")
        raise
    finally:
        print("done")


def handler_return(f):
    try:
        f()
    except ValueError as err:
        return err
    except KeyError:
        return None


def reraise():
    try:
        pass
    except:
        raise


def with_in_try(cm):
    try:
        with cm as c:
            return c
    except Exception as e:
        print(e)
