# logging to stdout: levels, formatters, logger hierarchy, exceptions with tracebacks, filters, adapters.
import logging
import sys

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
root = logging.getLogger()
root.addHandler(handler)
root.setLevel(logging.INFO)

log = logging.getLogger("app")
log.debug("hidden debug")
log.info("started with %d workers", 4)
log.warning("disk at %s%%", 91)


def work():
    log.error("failed %s", "step")


work()
child = logging.getLogger("app.db")
child.info("child propagates to root")
print(child.parent is log, child.getEffectiveLevel(), logging.getLevelName(logging.WARNING))
log.setLevel(logging.ERROR)
child.warning("suppressed by parent level")
child.error("error passes")
log.setLevel(logging.NOTSET)


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 0 if record.args else True


even = logging.getLogger("even")
even.addFilter(OnlyEven())
for i in range(4):
    even.info("number %d", i)

plain = logging.getLogger("plain")
plain.propagate = False
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter("[%(name)s] %(message)s"))
plain.addHandler(h2)
try:
    {}["missing"]
except KeyError:
    plain.exception("lookup failed")
plain.log(logging.CRITICAL, "critical via log()")
logging.info("module-level info")
adapter = logging.LoggerAdapter(logging.getLogger("adapted"), {"user": "ann"})
adapter.info("adapter message")
print(logging.getLogger("app") is log, logging.INFO, logging.getLevelName(25))
