def f(data):
    return [j for i in data if (j := i) for j in data]
