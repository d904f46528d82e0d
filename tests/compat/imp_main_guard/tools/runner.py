import sys


def run():
    main_module = sys.modules["__main__"]
    return f"runner called from {main_module.__name__}, has main(): {hasattr(main_module, 'main')}"
