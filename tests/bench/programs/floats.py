# Float math: an n-body style simulation and a numeric integration.
import math


def integrate(n):
    step = 1.0 / n
    total = 0.0
    for i in range(n):
        x = (i + 0.5) * step
        total += 4.0 / (1.0 + x * x)
    return total * step


def simulate(steps):
    bodies = [[0.0, 0.0, 0.01, 0.02, 1.0], [1.0, 0.0, 0.0, 0.5, 0.001], [0.0, 2.0, -0.3, 0.0, 0.002]]
    dt = 0.001
    for _ in range(steps):
        for i in range(3):
            bi = bodies[i]
            for j in range(i + 1, 3):
                bj = bodies[j]
                dx = bi[0] - bj[0]
                dy = bi[1] - bj[1]
                distance = math.sqrt(dx * dx + dy * dy) + 0.01
                magnitude = dt / (distance * distance * distance)
                bi[2] -= dx * bj[4] * magnitude
                bi[3] -= dy * bj[4] * magnitude
                bj[2] += dx * bi[4] * magnitude
                bj[3] += dy * bi[4] * magnitude
        for body in bodies:
            body[0] += dt * body[2]
            body[1] += dt * body[3]
    return bodies[0][0] + bodies[1][1]


print(round(integrate(10000000), 10), round(simulate(300000), 10))
