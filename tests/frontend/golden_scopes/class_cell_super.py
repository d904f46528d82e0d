# Methods that use super() or __class__ give the class a __class__ cell; names
# bound in the class body that methods use as free variables get DEF_FREE_CLASS.
def outer():
    x = 1
    y = 2

    class Base:
        x = 10          # class-level x: methods see outer's x, not this one

        def uses_super(self):
            return super().__init__()

        def uses_class(self):
            return __class__, x

        def uses_y(self):
            return y

        class Inner:
            def deep(self):
                return super(), x, y

    return Base


class Top:
    def method(self):
        def helper():
            return __class__
        return helper

    @staticmethod
    def plain():
        return 1

    value = [m for m in range(3)]
