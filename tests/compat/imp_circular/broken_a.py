import broken_b
VALUE = 1
