# Constraint solver: variables with finite domains, constraint objects that prune
# domains, a propagation queue and depth-first search with smallest-domain-first;
# solves generated Sudoku grids and a cryptarithm.
import random


class Inconsistent(Exception):
    pass


class Variable:
    def __init__(self, name, domain):
        self.name = name
        self.domain = set(domain)
        self.constraints = []

    def value(self):
        return next(iter(self.domain)) if len(self.domain) == 1 else None


class Constraint:
    def __init__(self, variables):
        self.variables = variables
        for variable in variables:
            variable.constraints.append(self)

    def propagate(self, solver):
        raise NotImplementedError


class AllDifferent(Constraint):
    def __init__(self, variables, permutation=False):
        super().__init__(variables)
        self.permutation = permutation  # as many values as variables: each is used

    def propagate(self, solver):
        fixed = set()
        for variable in self.variables:
            value = variable.value()
            if value is not None:
                if value in fixed:
                    raise Inconsistent
                fixed.add(value)
        for variable in self.variables:
            if len(variable.domain) > 1 and variable.domain & fixed:
                solver.restrict(variable, variable.domain - fixed)
        if not self.permutation:
            return
        # A value that fits one variable only must go there.
        places = {}
        for variable in self.variables:
            for value in variable.domain:
                places.setdefault(value, []).append(variable)
        for value, where in places.items():
            if len(where) == 1 and len(where[0].domain) > 1:
                solver.restrict(where[0], {value})


class LinearSum(Constraint):
    """sum(coefficient * variable) == total, pruned by the bounds of the others."""

    def __init__(self, terms, total):
        super().__init__([variable for variable, _ in terms])
        self.terms = terms
        self.total = total

    def propagate(self, solver):
        lows = [min(c * v for v in var.domain) for var, c in self.terms]
        highs = [max(c * v for v in var.domain) for var, c in self.terms]
        low_sum, high_sum = sum(lows), sum(highs)
        if not low_sum <= self.total <= high_sum:
            raise Inconsistent
        for (variable, c), low, high in zip(self.terms, lows, highs):
            rest_low, rest_high = low_sum - low, high_sum - high
            keep = {v for v in variable.domain if rest_low <= self.total - c * v <= rest_high}
            if keep != variable.domain:
                solver.restrict(variable, keep)


class Solver:
    def __init__(self, variables):
        self.variables = variables
        self.queue = []
        self.trail = []
        self.propagations = 0
        self.nodes = 0

    def restrict(self, variable, domain):
        if not domain:
            raise Inconsistent
        self.trail.append((variable, variable.domain))
        variable.domain = set(domain)
        for constraint in variable.constraints:
            if constraint not in self.queue:
                self.queue.append(constraint)

    def propagate(self):
        try:
            while self.queue:
                self.propagations += 1
                self.queue.pop().propagate(self)
        except Inconsistent:
            self.queue.clear()
            return False
        return True

    def undo(self, mark):
        while len(self.trail) > mark:
            variable, domain = self.trail.pop()
            variable.domain = domain

    def solve(self):
        self.queue = [c for v in self.variables for c in v.constraints]
        return self.propagate() and self.search()

    def search(self):
        self.nodes += 1
        open_variables = [v for v in self.variables if len(v.domain) > 1]
        if not open_variables:
            return True
        variable = min(open_variables, key=lambda v: (len(v.domain), v.name))
        for value in sorted(variable.domain):
            mark = len(self.trail)
            try:
                self.restrict(variable, {value})
            except Inconsistent:
                continue
            if self.propagate() and self.search():
                return True
            self.undo(mark)
        return False


def sudoku_puzzle(rng, blanks):
    rows = [band * 3 + r for band in rng.sample(range(3), 3) for r in rng.sample(range(3), 3)]
    cols = [stack * 3 + c for stack in rng.sample(range(3), 3) for c in rng.sample(range(3), 3)]
    digits = rng.sample(range(1, 10), 9)
    grid = [[digits[(3 * (r % 3) + r // 3 + c) % 9] for c in cols] for r in rows]
    for cell in rng.sample(range(81), blanks):
        grid[cell // 9][cell % 9] = 0
    return grid


def solve_sudoku(grid):
    cells = [[Variable((r, c), [grid[r][c]] if grid[r][c] else range(1, 10)) for c in range(9)]
             for r in range(9)]
    for i in range(9):
        AllDifferent(cells[i], True)
        AllDifferent([cells[r][i] for r in range(9)], True)
        AllDifferent([cells[3 * (i // 3) + r][3 * (i % 3) + c] for r in range(3) for c in range(3)], True)
    solver = Solver([v for row in cells for v in row])
    assert solver.solve()
    return [[v.value() for v in row] for row in cells], solver


def cryptarithm():
    # SEND + MORE = MONEY, column by column with carries.
    letters = {ch: Variable(ch, range(10)) for ch in "SENDMORY"}
    carries = [Variable(f"c{i}", range(2)) for i in range(4)]
    s, e, n, d, m, o, r, y = (letters[ch] for ch in "SENDMORY")
    AllDifferent(list(letters.values()))
    LinearSum([(d, 1), (e, 1), (y, -1), (carries[0], -10)], 0)
    LinearSum([(n, 1), (r, 1), (carries[0], 1), (e, -1), (carries[1], -10)], 0)
    LinearSum([(e, 1), (o, 1), (carries[1], 1), (n, -1), (carries[2], -10)], 0)
    LinearSum([(s, 1), (m, 1), (carries[2], 1), (o, -1), (carries[3], -10)], 0)
    LinearSum([(carries[3], 1), (m, -1)], 0)
    solver = Solver(list(letters.values()) + carries)
    solver.restrict(s, s.domain - {0})
    solver.restrict(m, m.domain - {0})
    assert solver.solve()
    return "".join(str(letters[ch].value()) for ch in "SENDMORY"), solver.nodes


rng = random.Random(2024)
checksum = propagations = nodes = 0
for _ in range(150):
    solution, solver = solve_sudoku(sudoku_puzzle(rng, 62))
    assert all(sorted(row) == list(range(1, 10)) for row in solution)
    checksum = (checksum * 10007 + int("".join(map(str, solution[4])))) % 1_000_000_007
    propagations += solver.propagations
    nodes += solver.nodes
print("sudoku", checksum, propagations, nodes)
print("send+more=money", *cryptarithm())
