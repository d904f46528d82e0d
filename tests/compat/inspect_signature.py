# inspect on compiled functions: signature() with every parameter kind, defaults and
# annotations, bind(), methods, lambdas, partials, and getfullargspec.
import functools
import inspect
def f(a, b: int = 2, /, c=3, *args, d, e: str = "e", **kwargs) -> bool:
    return True
sig = inspect.signature(f)
print(sig)
for name, param in sig.parameters.items():
    print(name, param.kind.name, param.default is inspect.Parameter.empty and "-" or repr(param.default),
          param.annotation is inspect.Parameter.empty and "-" or param.annotation)
print(sig.return_annotation)
bound = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(bound.arguments, bound.args, bound.kwargs)
bound = sig.bind_partial(1, d=2)
bound.apply_defaults()
print(bound.arguments)
try:
    sig.bind(1)
except TypeError as error:
    print("TypeError:", error)
class K:
    def method(self, x, *, y=1):
        pass
    @classmethod
    def cm(cls, z):
        pass
    @staticmethod
    def sm(w=0):
        pass
    def __init__(self, value, other=None):
        pass
print(inspect.signature(K.method), inspect.signature(K(0).method), inspect.signature(K.cm),
      inspect.signature(K.sm), inspect.signature(K))
print(inspect.signature(lambda x, *y, **z: 0), inspect.signature(functools.partial(f, 1, d=0)))
spec = inspect.getfullargspec(f)
print(spec.args, spec.varargs, spec.varkw, spec.defaults, spec.kwonlyargs, spec.kwonlydefaults)
def gen():
    yield
print(inspect.isfunction(f), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f),
      inspect.ismethod(K(1).method), inspect.isclass(K), inspect.isroutine(K.sm))
def documented():
    """  Indented
        doc.
    """
print(repr(inspect.getdoc(documented)), inspect.unwrap(documented) is documented)
@functools.wraps(f)
def wrapper(*args, **kwargs):
    return f(*args, **kwargs)
print(inspect.signature(wrapper), wrapper.__wrapped__ is f)
def nothing():
    pass
print(inspect.signature(nothing), str(inspect.signature(nothing).return_annotation is inspect.Signature.empty))
print(inspect.getcallargs(f, 1, d=4))
