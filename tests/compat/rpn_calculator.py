# A small program using many features together: a tokenizer, an RPN evaluator with a
# dispatch table of lambdas and operator functions, custom exceptions, and a REPL-like
# driver over a list of inputs with error reporting.
import operator
import math

class CalcError(Exception):
    pass

class StackUnderflow(CalcError):
    def __init__(self, token, needed, have):
        super().__init__(f"{token!r} needs {needed} operands, stack has {have}")
        self.token = token

BINARY = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "^": pow, "max": max, "min": min,
}
UNARY = {"neg": operator.neg, "abs": abs, "sqrt": math.sqrt, "fact": math.factorial}

def tokenize(text):
    for raw in text.split():
        try:
            yield int(raw)
        except ValueError:
            try:
                yield float(raw)
            except ValueError:
                yield raw

def evaluate(text, *, trace=False):
    stack = []
    for token in tokenize(text):
        if isinstance(token, (int, float)):
            stack.append(token)
        elif token in BINARY:
            if len(stack) < 2:
                raise StackUnderflow(token, 2, len(stack))
            right, left = stack.pop(), stack.pop()
            stack.append(BINARY[token](left, right))
        elif token in UNARY:
            if not stack:
                raise StackUnderflow(token, 1, 0)
            stack.append(UNARY[token](stack.pop()))
        elif token == "dup":
            stack.extend(stack[-1:] * 1)
        else:
            raise CalcError(f"unknown token {token!r}")
        if trace:
            print("   ", token, "->", stack)
    if len(stack) != 1:
        raise CalcError(f"expected one result, stack is {stack}")
    return stack[0]

programs = ["3 4 +", "2 3 4 * +", "10 3 //", "10 3 %", "2 10 ^", "5 fact dup *", "16 sqrt",
            "1 2 3", "+", "4 0 /", "2 x *", "-3 abs 7 max", "1.5 2 *", "-2 0.5 ^"]
for program in programs:
    try:
        print(f"{program:>14} = {evaluate(program)!r}")
    except StackUnderflow as error:
        print(f"{program:>14} ! underflow: {error} (token {error.token})")
    except CalcError as error:
        print(f"{program:>14} ! {type(error).__name__}: {error}")
    except ArithmeticError as error:
        print(f"{program:>14} ! {type(error).__name__}: {error}")
print(evaluate("1 2 + 3 *", trace=True))
