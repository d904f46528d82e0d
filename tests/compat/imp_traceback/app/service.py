from .store import lookup


def handle(request):
    record = lookup(request["id"])
    print("handled", record)
    return record
