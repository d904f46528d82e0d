def describe():
    return f"{__name__} in package {__package__}, spec {__spec__.name}"
