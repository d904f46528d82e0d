print("failing module body runs")
VALUE = 1 / 0
