# An uncaught ZeroDivisionError inside a list comprehension inside a lambda called
# from a function: frames named <listcomp> and <lambda> with their caret ranges.
def scale_all(rows, divisor_of):
    scale = lambda row: [cell / divisor_of(row) for cell in row]
    return [scale(row) for row in rows]


print(scale_all([[1, 2], [3, 4]], len))
print(scale_all([[1, 2], []], lambda row: sum(row) - 3))
