match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case [Point(x=0, y=0), *rest] | {"key": 1, **kw} if rest:
        pass
    case -1 | 1+2j | -3-4j | None | True | False | "s" "t" | b"b" | a.b.c | _:
        pass
    case (1, 2) as t:
        pass
    case [*_, last] | (first, *_):
        pass
    case {1: _, "k": [a, b], c.d: e}:
        pass
    case C(1, 2, k=3) | D():
        pass
    case ():
        pass
    case []:
        pass
    case (x):
        pass
    case 1, 2, *others,:
        pass
match x, y:
    case _:
        pass
match = 1
match(x)
match[0] = 2
case = match
_ = case
