# A fused arithmetic expression: computed on C numbers for exact floats and small ints,
# boxed once; operation by operation on objects otherwise.
def norm2(x, y, z):
    return x * x + y * y + z * z


print(norm2(1.0, 2.0, 3.0))
