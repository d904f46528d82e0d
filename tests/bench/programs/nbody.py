# N-body: a made-up planetary system of five bodies integrated with a simple
# symplectic Euler step; prints the energy before and after.
import math


class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.position = [x, y, z]
        self.velocity = [vx, vy, vz]
        self.mass = mass


def make_system():
    bodies = [
        Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 40.0),
        Body(3.2, 0.4, -0.1, -0.2, 3.4, 0.05, 0.04),
        Body(-6.1, 1.5, 0.3, -0.6, -2.4, 0.01, 0.011),
        Body(0.8, -11.7, 0.2, 1.8, 0.1, -0.02, 0.0017),
        Body(15.3, 7.9, -0.6, -0.7, 1.3, 0.03, 0.0021),
    ]
    # Move the centre of mass to rest.
    total_mass = sum(b.mass for b in bodies)
    for axis in range(3):
        momentum = sum(b.velocity[axis] * b.mass for b in bodies)
        for b in bodies:
            b.velocity[axis] -= momentum / total_mass
    return bodies


def energy(bodies):
    e = 0.0
    for i, a in enumerate(bodies):
        e += 0.5 * a.mass * sum(v * v for v in a.velocity)
        for b in bodies[i + 1:]:
            d = math.dist(a.position, b.position)
            e -= a.mass * b.mass / d
    return e


def advance(bodies, dt, steps):
    pairs = [(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1:]]
    for _ in range(steps):
        for a, b in pairs:
            pa, pb = a.position, b.position
            dx = pa[0] - pb[0]
            dy = pa[1] - pb[1]
            dz = pa[2] - pb[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            ma = a.mass * mag
            mb = b.mass * mag
            va, vb = a.velocity, b.velocity
            va[0] -= dx * mb
            va[1] -= dy * mb
            va[2] -= dz * mb
            vb[0] += dx * ma
            vb[1] += dy * ma
            vb[2] += dz * ma
        for body in bodies:
            p, v = body.position, body.velocity
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


system = make_system()
print(f"{energy(system):.9f}")
advance(system, 0.002, 200000)
print(f"{energy(system):.9f}")
print(" ".join(f"{c:.6f}" for c in system[1].position))
