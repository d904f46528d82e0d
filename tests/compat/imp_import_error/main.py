# An exception raised while a module body runs during import: the traceback shows the
# import statements and the module's own line, without importlib's frames.
print("importing")
import pkg.broken
print("not reached")
