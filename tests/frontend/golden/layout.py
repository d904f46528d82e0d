if x:
	if y:
		pass
	else:
	    pass
def f():
    return (1 +
            2)
x = 1 + \
    2
def g():
    pass
a = [
  1,

  # comment
  2,
]
if True:
    pass
    # trailing comment


y = 3  # no newline at end