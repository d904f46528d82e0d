# Dataclasses: frozen and ordered dataclasses, default factories, __post_init__,
# dataclasses.replace/asdict/astuple, sorting and hashing records of an order book.
import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Price:
    cents: int

    def __add__(self, other):
        return Price(self.cents + other.cents)

    def times(self, quantity):
        return Price(self.cents * quantity)


@dataclass
class Line:
    sku: str
    quantity: int
    unit: Price
    discount: float = 0.0

    @property
    def total(self):
        return Price(round(self.unit.cents * self.quantity * (1 - self.discount)))


@dataclass
class Order:
    number: int
    customer: str
    lines: list = field(default_factory=list)
    tags: set = field(default_factory=set)
    total: Price = field(init=False)

    def __post_init__(self):
        self.total = Price(0)

    def add(self, line):
        self.lines.append(line)
        self.total = self.total + line.total


def main():
    orders = []
    state = 99991
    for number in range(34000):
        order = Order(number, f"customer{number % 211}")
        for k in range(1 + number % 5):
            state = (state * 48271) % 2147483647
            order.add(Line(f"sku{state % 500}", 1 + state % 9, Price(100 + state % 5000), (state % 4) / 10))
        if number % 3 == 0:
            order.tags.add("priority")
        orders.append(order)
    by_total = sorted(orders, key=lambda o: (o.total, o.number))
    unique_prices = {line.unit for order in orders for line in order.lines}
    discounted = [dataclasses.replace(line, discount=0.5) for order in orders[:4000] for line in order.lines]
    as_dicts = [dataclasses.asdict(order) for order in orders[:1500]]
    as_tuples = [dataclasses.astuple(line) for line in discounted[:3000]]
    grand = sum((o.total for o in orders), Price(0))
    print(by_total[0].number, by_total[-1].total, len(unique_prices), grand)
    print(len(discounted), sum(l.total.cents for l in discounted), as_dicts[7]["lines"][0], as_tuples[5])
    print(max(unique_prices), Price(5) < Price(7), Order(1, "x") == Order(1, "x"))


main()
