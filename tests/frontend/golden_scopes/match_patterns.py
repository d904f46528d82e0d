# Names bound by match patterns.
def f(command):
    match command:
        case [first, *rest]:
            return first, rest
        case {"key": value, **others}:
            return value, others
        case Point(x=px, y=0) | Point(x=0, y=px):
            return px
        case str() as text if text:
            return text
        case _:
            return None
