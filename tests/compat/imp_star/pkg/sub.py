NAME = "pkg.sub loaded by star import"
