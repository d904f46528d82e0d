# Mandelbrot: escape times over a grid of the complex plane with complex numbers,
# printed as a small ASCII picture and a checksum.
def escape_time(c, limit):
    z = 0j
    for n in range(limit):
        z = z * z + c
        if z.real * z.real + z.imag * z.imag > 4.0:
            return n
    return limit


def render(width, height, limit):
    rows = []
    for y in range(height):
        imag = 1.2 - 2.4 * y / (height - 1)
        row = [escape_time(complex(-2.1 + 2.8 * x / (width - 1), imag), limit) for x in range(width)]
        rows.append(row)
    return rows


LIMIT = 150
rows = render(440, 330, LIMIT)
checksum = 0
for row in rows:
    for value in row:
        checksum = (checksum * 131 + value) % 1000000007
palette = " .:-=+*#%@"
for row in rows[::33]:
    print("".join(palette[min(v, LIMIT - 1) * len(palette) // LIMIT] for v in row[::11]))
print("inside", sum(row.count(LIMIT) for row in rows), "checksum", checksum)
