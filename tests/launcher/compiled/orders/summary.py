from .model import Order


def totals(orders):
    result = {}
    for order in orders:
        result[order.item] = result.get(order.item, 0) + order.total
    return {item: str(total) for item, total in result.items()}


def describe(order: Order) -> str:
    return f"{order.count} x {order.item} at {order.price} = {order.total}"
