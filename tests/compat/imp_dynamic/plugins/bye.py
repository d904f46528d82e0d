from . import hello


def run():
    return "bye, after " + hello.run()
