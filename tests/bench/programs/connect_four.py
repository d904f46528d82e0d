# Board-game search: connect four on a 6 x 7 board, alpha-beta minimax to a fixed
# depth with a window-counting evaluation; two engines of different depths play
# games whose openings come from a seeded generator written here.
ROWS, COLUMNS = 6, 7
ORDER = [3, 2, 4, 1, 5, 0, 6]


def windows():
    lines = []
    for r in range(ROWS):
        for c in range(COLUMNS):
            for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                cells = [(r + k * dr, c + k * dc) for k in range(4)]
                if all(0 <= rr < ROWS and 0 <= cc < COLUMNS for rr, cc in cells):
                    lines.append([rr * COLUMNS + cc for rr, cc in cells])
    return lines


WINDOWS = windows()
WINDOWS_OF = [[w for w in WINDOWS if cell in w] for cell in range(ROWS * COLUMNS)]
SCORES = {0: 0, 1: 1, 2: 4, 3: 32}


class Board:
    def __init__(self):
        self.cells = [0] * (ROWS * COLUMNS)
        self.heights = [0] * COLUMNS
        self.moves = 0

    def legal(self):
        return [c for c in ORDER if self.heights[c] < ROWS]

    def play(self, column, player):
        cell = self.heights[column] * COLUMNS + column
        self.cells[cell] = player
        self.heights[column] += 1
        self.moves += 1
        return cell

    def undo(self, column):
        self.heights[column] -= 1
        self.cells[self.heights[column] * COLUMNS + column] = 0
        self.moves -= 1

    def wins(self, cell):
        player = self.cells[cell]
        return any(all(self.cells[i] == player for i in w) for w in WINDOWS_OF[cell])

    def evaluate(self, player):
        score = 0
        cells = self.cells
        for w in WINDOWS:
            mine = theirs = 0
            for i in w:
                v = cells[i]
                if v == player:
                    mine += 1
                elif v:
                    theirs += 1
            if not theirs:
                score += SCORES[mine]
            elif not mine:
                score -= SCORES[theirs]
        return score


class Engine:
    def __init__(self, depth):
        self.depth = depth
        self.nodes = 0

    def negamax(self, board, player, depth, alpha, beta):
        self.nodes += 1
        moves = board.legal()
        if not moves:
            return 0
        if depth == 0:
            return board.evaluate(player)
        best = -10**6
        for column in moves:
            cell = board.play(column, player)
            if board.wins(cell):
                score = 10**5 + depth
            else:
                score = -self.negamax(board, 3 - player, depth - 1, -beta, -alpha)
            board.undo(column)
            if score > best:
                best = score
            if best > alpha:
                alpha = best
            if alpha >= beta:
                break
        return best

    def choose(self, board, player):
        best_column, best = None, -10**7
        for column in board.legal():
            cell = board.play(column, player)
            if board.wins(cell):
                score = 10**6
            else:
                score = -self.negamax(board, 3 - player, self.depth - 1, -10**7, 10**7)
            board.undo(column)
            if score > best:
                best_column, best = column, score
        return best_column


def game(seed, engines):
    board = Board()
    state = seed
    player = 1
    for _ in range(4):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        legal = board.legal()
        board.play(legal[(state >> 33) % len(legal)], player)
        player = 3 - player
    while board.legal():
        column = engines[player].choose(board, player)
        cell = board.play(column, player)
        if board.wins(cell):
            return player, board.moves
        player = 3 - player
    return 0, board.moves


engines = {1: Engine(4), 2: Engine(3)}
results = [game(seed, engines) for seed in range(1, 7)]
print(results)
print("nodes", engines[1].nodes, engines[2].nodes)
