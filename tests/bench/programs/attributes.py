# Attribute access: objects with fields, methods, properties.
class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    @property
    def length2(self):
        return self.x * self.x + self.y * self.y


class Particle:
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity
        self.steps = 0

    def step(self):
        self.position = self.position.add(self.velocity)
        self.steps += 1


def main():
    particles = [Particle(Vector(i, -i), Vector(1, 2)) for i in range(100)]
    for _ in range(30000):
        for particle in particles:
            particle.step()
    print(sum(p.position.length2 for p in particles), particles[0].steps)


main()
