# An uncaught exception raised in a package module: the traceback names each module's file.
from app import service

print("starting")
service.handle({"id": 1})
service.handle({"name": "no id"})
print("not reached")
