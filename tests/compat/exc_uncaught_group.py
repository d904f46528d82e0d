# An uncaught ExceptionGroup with nested groups and notes: the boxed traceback format.
def validate(record):
    errors = []
    if "name" not in record:
        errors.append(KeyError("name"))
    if record.get("age", 0) < 0:
        err = ValueError(f"negative age {record['age']}")
        err.add_note("ages are counted in years")
        errors.append(err)
    if errors:
        raise ExceptionGroup(f"record {record.get('id')} is invalid", errors)


def validate_all(records):
    problems = []
    for record in records:
        try:
            validate(record)
        except ExceptionGroup as group:
            problems.append(group)
    if problems:
        raise ExceptionGroup("validation failed", problems)


print("validating")
validate_all([{"id": 1, "name": "a"}, {"id": 2, "age": -3}, {"id": 3, "name": "c", "age": -1}])
