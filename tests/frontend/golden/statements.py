import a
import a.b.c as d, e
from . import x
from .. import (y as z, w,)
from ...pkg.mod import *
from .mod import a as b
global g1, g2
x = y = z = 1
a, b = b, a
a, *b = c
[a, (b, c)] = d
x += 1; x -= 1; x *= 1; x @= m; x /= 1; x //= 1; x %= 1; x **= 2
x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1
del a, b[0], c.d, (e, f), [g]
assert x, "message"
raise
raise E
raise E from cause
if a: pass
elif b: pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue
for i in range(3): pass
for i, (j, k) in x: pass
for x, in y: pass
try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    pass
try:
    pass
finally:
    pass
with a: pass
with a as b, c as (d, e): pass
with (a as b, c as d,): pass
with (a, b): pass
with (yield): pass
with (a): pass
if (n := len(a)) > 10: pass
print(*args, sep="", **kw)
def outer():
    x = 1
    def inner():
        nonlocal x
        x = 2
x = *a, *b
