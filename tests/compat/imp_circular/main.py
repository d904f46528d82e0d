# Circular imports: module-level references resolved late work; from-imports of unfinished names fail.
import first

print(first.use_second(), first.second.use_first())
try:
    import broken_a
except ImportError as e:
    print(type(e).__name__, e.name)
    print(str(e).replace(e.path or "", "<path>") if e.path else str(e))
import sys
print("broken_a" in sys.modules, "broken_b" in sys.modules)
