# N-queens: count every placement of n queens on an n x n board by backtracking
# over sets of attacked columns and diagonals; list the first solutions.
def solve(n):
    solutions = []
    count = 0
    columns, rising, falling = set(), set(), set()
    placement = []

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            if len(solutions) < 3:
                solutions.append(tuple(placement))
            return
        for column in range(n):
            if column in columns or row + column in rising or row - column in falling:
                continue
            columns.add(column)
            rising.add(row + column)
            falling.add(row - column)
            placement.append(column)
            place(row + 1)
            placement.pop()
            columns.remove(column)
            rising.remove(row + column)
            falling.remove(row - column)

    place(0)
    return count, solutions


for size in (6, 8, 10, 12):
    print(size, *solve(size))
