from broken_a import VALUE
