# An uncaught custom exception: the traceback goes through methods, a lambda and a comprehension.
class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"{field} has bad value {value!r}")
        self.field = field


class Form:
    def __init__(self, data):
        self.data = data

    def check(self, field):
        value = self.data[field]
        if not value:
            raise ValidationError(field, value)
        return value

    def validate(self):
        return [self.check(name) for name in sorted(self.data)]


form = Form({"name": "x", "age": 3, "email": ""})
print("validating")
convert = lambda f: f.validate()
result = convert(form)
print("not reached", result)
