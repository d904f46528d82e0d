# Compiled functions that define functions, coroutines and classes, and import modules:
# defaults, keyword defaults, annotations, closures and decorators of nested defs;
# async def with positional-only defaults; classes with keywords and zero-argument
# super(); imports (dotted, aliased, from-imports) inside functions.
import asyncio


def make(scale, *, offset=1):
    def tagged(label):
        def wrap(function):
            function.label = label
            return function
        return wrap

    @tagged("scaled")
    def apply(x: int, y=2, /, z=3, *, w=offset) -> int:
        return (x + y + z + w) * scale

    async def fetch(a=1, /, b=2):
        await asyncio.sleep(0)
        return a, b, scale

    class Base:
        def describe(self):
            return f"Base({scale})"

    class Child(Base, metaclass=type):
        def describe(self):
            return "Child>" + super().describe()

    return apply, fetch, Child


def use_imports():
    import os.path
    import collections.abc as abc
    from json import dumps as to_json, loads
    return os.path.join("a", "b"), isinstance([], abc.Sequence), to_json(loads("[1, 2]"))


apply, fetch, Child = make(10, offset=5)
print(apply(1), apply(1, 1, 1, w=1), apply.label, apply.__annotations__, apply.__defaults__,
      apply.__kwdefaults__, apply.__qualname__)
print(asyncio.run(fetch()), asyncio.run(fetch(7, b=8)))
print(Child().describe(), Child.__qualname__, type(Child).__name__)
print(use_imports())
