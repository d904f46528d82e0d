# Ray tracer: spheres on a checkered plane, two point lights, shadows and one level
# of reflection; renders a small image into memory and prints it as ASCII shades
# plus a checksum of the PPM-style pixel bytes.
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def norm(self):
        return self * (1.0 / math.sqrt(self.dot(self)))

    def blend(self, other):
        return Vec(self.x * other.x, self.y * other.y, self.z * other.z)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.norm()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, centre, radius, colour, shine):
        self.centre, self.radius, self.colour, self.shine = centre, radius, colour, shine

    def hit(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        for t in (-b - root, -b + root):
            if t > 1e-6:
                return t
        return None

    def normal(self, point):
        return (point - self.centre).norm()

    def colour_at(self, point):
        return self.colour


class Plane:
    def __init__(self, height, shine):
        self.height, self.shine = height, shine

    def hit(self, ray):
        if abs(ray.direction.y) < 1e-9:
            return None
        t = (self.height - ray.origin.y) / ray.direction.y
        return t if t > 1e-6 else None

    def normal(self, point):
        return Vec(0.0, 1.0, 0.0)

    def colour_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2:
            return Vec(0.9, 0.9, 0.9)
        return Vec(0.2, 0.2, 0.25)


class Scene:
    def __init__(self, objects, lights, ambient):
        self.objects, self.lights, self.ambient = objects, lights, ambient

    def nearest(self, ray):
        best, best_t = None, math.inf
        for thing in self.objects:
            t = thing.hit(ray)
            if t is not None and t < best_t:
                best, best_t = thing, t
        return best, best_t

    def trace(self, ray, depth):
        thing, t = self.nearest(ray)
        if thing is None:
            return Vec(0.05, 0.07, 0.12)
        point = ray.at(t)
        normal = thing.normal(point)
        base = thing.colour_at(point)
        colour = base * self.ambient
        for light, intensity in self.lights:
            to_light = light - point
            distance = math.sqrt(to_light.dot(to_light))
            shadow = Ray(point + normal * 1e-4, to_light)
            blocker, blocker_t = self.nearest(shadow)
            if blocker is not None and blocker_t < distance:
                continue
            lambert = max(0.0, normal.dot(shadow.direction))
            colour = colour + base * (lambert * intensity)
        if depth > 0 and thing.shine > 0:
            reflected = ray.direction - normal * (2 * ray.direction.dot(normal))
            bounce = self.trace(Ray(point + normal * 1e-4, reflected), depth - 1)
            colour = colour * (1 - thing.shine) + bounce * thing.shine
        return colour


def render(scene, width, height):
    eye = Vec(0.0, 1.2, -5.0)
    pixels = []
    for j in range(height):
        row = []
        for i in range(width):
            x = (i + 0.5) / width * 2 - 1
            y = 1 - (j + 0.5) / height * 2
            colour = scene.trace(Ray(eye, Vec(x * width / height, y, 1.6)), 1)
            row.append(tuple(min(255, int(255 * max(0.0, c))) for c in (colour.x, colour.y, colour.z)))
        pixels.append(row)
    return pixels


scene = Scene(
    [Sphere(Vec(-1.2, 0.5, 1.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
     Sphere(Vec(1.1, 0.3, 0.4), 0.8, Vec(0.2, 0.8, 0.3), 0.1),
     Sphere(Vec(0.3, 1.9, 2.6), 1.1, Vec(0.3, 0.4, 0.9), 0.5),
     Plane(-0.5, 0.2)],
    [(Vec(-4.0, 6.0, -3.0), 0.7), (Vec(5.0, 4.0, -1.0), 0.4)],
    0.15)
width, height = 280, 210
pixels = render(scene, width, height)
ppm = bytearray(f"P6 {width} {height} 255\n".encode())
for row in pixels:
    for pixel in row:
        ppm.extend(pixel)
checksum = 0
for byte in ppm:
    checksum = (checksum * 257 + byte) % 4294967291
shades = " .:-=+*#%@"
for row in pixels[::15]:
    print("".join(shades[sum(p) * len(shades) // 766] for p in row[::6]))
print(len(ppm), checksum)
