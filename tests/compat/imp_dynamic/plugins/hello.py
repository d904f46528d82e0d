def run():
    return f"hello from {__name__}"
