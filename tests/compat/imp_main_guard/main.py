# __name__ == "__main__" guards, `import __main__` from other modules, sys.modules['__main__'].
import sys

import helper
from tools import runner

SETTING = "from main"


def main():
    print("main() runs in", __name__)
    print(helper.describe())
    print(runner.run(), runner.__name__)
    print(sys.modules["__main__"].SETTING, sys.modules[__name__] is sys.modules["__main__"])
    print("helper" in sys.modules, "tools.runner" in sys.modules, "main" in sys.modules)
    return 0


if __name__ == "__main__":
    status = main()
    print("exiting with", status)
