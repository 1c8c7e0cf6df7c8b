def f(x):
    try:
        return x + 1
    finally:
        print("done")


def g(items):
    for i in items:
        try:
            if i:
                break
            continue
        finally:
            print(i)
    else:
        print("no break")
    return None


def h():
    try:
        pass
    except ValueError:
        raise
    except (KeyError, IndexError) as e:
        print(e)
        return 1
    except:
        return 2
    else:
        return 3
    finally:
        print("x")


try:
    1 / 0
except ZeroDivisionError as err:
    message = str(err)
    del err
finally:
    done = True
