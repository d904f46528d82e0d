# operator and copy: itemgetter/attrgetter/methodcaller, operator functions; shallow and deep copies.
import copy
import operator


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.tags = []

    def __repr__(self):
        return f"P({self.name}, {self.age}, {self.tags})"

    def greet(self, word):
        return f"{word}, {self.name}"


people = [P("cy", 40), P("ann", 31), P("bob", 25)]
print(sorted(people, key=operator.attrgetter("age")))
print(list(map(operator.attrgetter("name", "age"), people)))
pairs = [(1, "b"), (0, "c"), (1, "a")]
print(sorted(pairs, key=operator.itemgetter(0, 1)), operator.itemgetter(1)("xyz"), operator.itemgetter(slice(1, None))("xyz"))
print(operator.methodcaller("greet", "Hi")(people[0]), operator.methodcaller("split", ",")("a,b"))
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.contains([1, 2], 2), operator.getitem({"k": 1}, "k"), operator.not_(0), operator.truth([]))
print(operator.eq(1, 1.0), operator.is_(None, None), operator.index(7), operator.concat([1], [2]))
print(operator.lt(1, 2), operator.pow(2, 5), operator.xor(6, 3), operator.length_hint(iter(range(4))))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.iadd([1], [2]))

original = {"list": [1, [2, 3]], "p": P("dee", 20)}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original["list"][1].append(4)
original["p"].tags.append("changed")
print(shallow["list"], shallow["p"])
print(deep["list"], deep["p"])
print(shallow["list"] is original["list"], deep["list"] is original["list"])
cyclic = [1]
cyclic.append(cyclic)
cc = copy.deepcopy(cyclic)
print(cc[1] is cc, cc[1] is cyclic)


class Custom:
    def __init__(self, value):
        self.value = value

    def __copy__(self):
        return Custom(f"copy of {self.value}")

    def __deepcopy__(self, memo):
        return Custom(f"deepcopy of {self.value}")


print(copy.copy(Custom("x")).value, copy.deepcopy([Custom("y")])[0].value)
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy((1, [2]))[1] is not None, copy.copy([1, 2]) == [1, 2])
