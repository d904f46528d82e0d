# 1 and 1.0 are the same key.
match command:
    case {1: first, 1.0: second}:
        pass
