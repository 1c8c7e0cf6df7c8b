/**
 * The `weakref` module as Python source, run by the VM on `import weakref` over the native
 * `_weakref` (weakref_module.ts), as CPython runs Lib/weakref.py. Written for the VM (not CPython's
 * code): containers hold their weakrefs' callback through a weak reference to themselves, so no
 * container forms a cycle, and `finalize` is reachable only from its registry while pending.
 * test/python/vm/gc/weakref-source.test.ts runs it on python3 against the tutorial programs.
 */
export const WEAKREF_SOURCE = `"""Weak references (the VM's weakref module: dictionaries, WeakSet and finalize over _weakref)."""

from _weakref import (ref, proxy, getweakrefcount, getweakrefs,
                      ReferenceType, ProxyType, CallableProxyType, _register_atexit)

ProxyTypes = (ProxyType, CallableProxyType)


def _remover(selfref):
    """The callback of a container's weakrefs: drops the entry holding the dead weakref.
    It holds the container weakly, so a container and its weakrefs form no cycle."""

    def remove(wr, selfref=selfref):
        container = selfref()
        if container is not None:
            data = container.data
            for slot in data:
                entry = data[slot]
                if entry is wr or (type(entry) is tuple and entry[0] is wr):
                    del data[slot]
                    break

    return remove


class WeakValueDictionary:
    """A dict whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), **kwargs):
        self.data = {}
        self._remove = _remover(ref(self))
        self.update(other, **kwargs)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remove)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        if key not in self.data:
            return False
        return self.data[key]() is not None

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        for key in list(self.data):
            if self.data[key]() is not None:
                yield key

    def get(self, key, default=None):
        if key not in self.data:
            return default
        o = self.data[key]()
        if o is None:
            return default
        return o

    def keys(self):
        return self.__iter__()

    def values(self):
        for key in list(self.data):
            o = self.data[key]()
            if o is not None:
                yield o

    def items(self):
        for key in list(self.data):
            o = self.data[key]()
            if o is not None:
                yield key, o

    def pop(self, key, *default):
        if key in self.data:
            o = self.data.pop(key)()
            if o is not None:
                return o
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), **kwargs):
        if hasattr(other, "items"):
            other = other.items()
        for key, value in other:
            self[key] = value
        for key in kwargs:
            self[key] = kwargs[key]


class WeakKeyDictionary:
    """A dict whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, other=None):
        self.data = {}
        self._remove = _remover(ref(self))
        if other is not None:
            self.update(other)

    def __setitem__(self, key, value):
        data = self.data
        slot = id(key)
        if slot in data and data[slot][0]() is key:
            data[slot] = (data[slot][0], value)
        else:
            data[slot] = (ref(key, self._remove), value)

    def __getitem__(self, key):
        entry = self.data.get(id(key))
        if entry is None or entry[0]() is not key:
            raise KeyError(key)
        return entry[1]

    def __delitem__(self, key):
        entry = self.data.get(id(key))
        if entry is None or entry[0]() is not key:
            raise KeyError(key)
        del self.data[id(key)]

    def __contains__(self, key):
        entry = self.data.get(id(key))
        return entry is not None and entry[0]() is key

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        for wr, value in [self.data[slot] for slot in list(self.data)]:
            key = wr()
            if key is not None:
                yield key

    def get(self, key, default=None):
        entry = self.data.get(id(key))
        if entry is None or entry[0]() is not key:
            return default
        return entry[1]

    def keys(self):
        return self.__iter__()

    def values(self):
        for wr, value in [self.data[slot] for slot in list(self.data)]:
            if wr() is not None:
                yield value

    def items(self):
        for wr, value in [self.data[slot] for slot in list(self.data)]:
            key = wr()
            if key is not None:
                yield key, value

    def pop(self, key, *default):
        entry = self.data.get(id(key))
        if entry is not None and entry[0]() is key:
            del self.data[id(key)]
            return entry[1]
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other):
        if hasattr(other, "items"):
            other = other.items()
        for key, value in other:
            self[key] = value


class WeakSet:
    """A set of objects held weakly: a member leaves when it dies."""

    def __init__(self, data=None):
        self.data = {}
        self._remove = _remover(ref(self))
        if data is not None:
            for item in data:
                self.add(item)

    def add(self, item):
        slot = id(item)
        wr = self.data.get(slot)
        if wr is None or wr() is not item:
            self.data[slot] = ref(item, self._remove)

    def discard(self, item):
        wr = self.data.get(id(item))
        if wr is not None and wr() is item:
            del self.data[id(item)]

    def remove(self, item):
        wr = self.data.get(id(item))
        if wr is None or wr() is not item:
            raise KeyError(item)
        del self.data[id(item)]

    def __contains__(self, item):
        wr = self.data.get(id(item))
        return wr is not None and wr() is item

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        for slot in list(self.data):
            item = self.data[slot]()
            if item is not None:
                yield item

    def clear(self):
        self.data.clear()

    def pop(self):
        for slot in list(self.data):
            item = self.data.pop(slot)()
            if item is not None:
                return item
        raise KeyError("pop from empty WeakSet")


class finalize:
    """Calls func(*args, **kwargs) once: when obj dies, when called, or at exit."""

    _registry = {}
    _index = 0
    _registered = False

    def __init__(self, obj, func, *args, **kwargs):
        if not finalize._registered:
            _register_atexit(finalize._exitfunc)
            finalize._registered = True
        finalize._index += 1
        finalize._registry[self] = [ref(obj, self), func, args, kwargs, True, finalize._index]

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None:
            return info[1](*info[2], **info[3])

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info[0]()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info[1], info[2], info[3])

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info[0]()
        if obj is not None:
            return (obj, info[1], info[2], info[3])

    def _get_alive(self):
        return self in finalize._registry

    alive = property(_get_alive)

    def _get_atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info[4]

    def _set_atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info[4] = bool(value)

    atexit = property(_get_atexit, _set_atexit)

    def _exitfunc():
        registry = finalize._registry
        pending = [(registry[f][5], f) for f in registry if registry[f][4]]
        pending.sort()
        while pending:
            pending.pop()[1]()

    _exitfunc = staticmethod(_exitfunc)
`;
