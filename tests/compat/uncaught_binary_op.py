# An uncaught TypeError from a binary operator inside a multi-line expression in a
# method: the caret line marks the operator and both operands, as python3.11 does.
class Invoice:
    def __init__(self, lines):
        self.lines = lines

    def total(self):
        subtotal = sum(price * qty for price, qty in self.lines)
        return (subtotal
                + self.shipping()
                + "tax")

    def shipping(self):
        return 5


print(Invoice([(2, 3)]).shipping())
print(Invoice([(2, 3), (1, 1)]).total())
