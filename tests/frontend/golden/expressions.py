a = b if c else d if e else f
a = not b and c or d and not e
a = b < c <= d == e != f > g >= h is i is not j in k not in l
a = b | c ^ d & e << f >> g + h - i * j / k // l % m @ n ** -o ** p
a = x[1], x[1:2], x[::], x[:], x[1:2:3], x[a, b], x[a:b, c], x[..., 1], x[*a], x[a,]
a = f(x)(y)[z].w
a = [x for x in y if x if z for w in x]
a = {k: v for k, v in items}
a = {x for x in y}
a = (x for x in y)
f(x for x in y)
a = [1, 2, *rest, ]
a = {1: 2, **other, 3: 4}
a = {*a, *b}
a = ()
a = (1,)
a = ((1), (2, 3))
a = [], {}, {1}, ...
a = None, True, False
a = (yield)
a = lambda: (yield)
a = x if (y := z) else w
a = [y := 1, y ** 2]
a = await_ = 1
a = b.c.d.e
a = -x ** 2
a = (-x) ** 2
a = x.__add__
a = 'a' in 'abc'
