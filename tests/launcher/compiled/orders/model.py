import dataclasses
import decimal


@dataclasses.dataclass(frozen=True)
class Order:
    item: str
    count: int
    price: decimal.Decimal

    @property
    def total(self):
        return self.count * self.price
