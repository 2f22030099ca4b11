from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass, field, asdict
from decimal import Decimal
from typing import Any, Optional

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

TABLE = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])
QUEUE_URL = os.environ.get("QUEUE_URL")
sqs = boto3.client("sqs")


@dataclass(frozen=True)
class LineItem:
    sku: str
    quantity: int = 1
    unit_price: Decimal = Decimal("0.00")

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass
class Order:
    customer_id: str
    items: list[LineItem] = field(default_factory=list)
    order_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    note: Optional[str] = None

    def total(self) -> Decimal:
        return sum((item.total for item in self.items), Decimal(0))

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> "Order":
        items = [LineItem(i["sku"], int(i.get("quantity", 1)), Decimal(str(i["price"])))
                 for i in body.get("items", [])
                 if i.get("sku")]
        return cls(customer_id=body["customer_id"], items=items, note=body.get("note"))


class ValidationError(Exception):
    def __init__(self, message: str, *, field_name: str | None = None) -> None:
        super().__init__(message)
        self.field_name = field_name


def _response(status: int, payload: Any, **headers: str) -> dict:
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json", **headers},
        "body": json.dumps(payload, default=str),
    }


def validate(order: Order) -> None:
    if not order.items:
        raise ValidationError("order has no items", field_name="items")
    if not 0 < len(order.items) <= 100:
        raise ValidationError("too many items")
    assert all(item.quantity > 0 for item in order.items), "quantities must be positive"


def create_order(event: dict) -> dict:
    try:
        body = json.loads(event.get("body") or "{}")
        order = Order.from_body(body)
        validate(order)
    except (KeyError, json.JSONDecodeError) as error:
        raise ValidationError(f"malformed request: {error!r}") from error
    record = asdict(order) | {"total": order.total(), "status": "NEW"}
    TABLE.put_item(Item=record)
    if QUEUE_URL:
        sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps({"order_id": order.order_id}))
    return _response(201, {"order_id": order.order_id, "total": f"{order.total():.2f}"})


def get_order(order_id: str) -> dict:
    result = TABLE.get_item(Key={"order_id": order_id})
    if (item := result.get("Item")) is None:
        return _response(404, {"message": f"order {order_id} not found"})
    return _response(200, item)


def handler(event, context):
    method = event.get("httpMethod", "GET")
    params = event.get("pathParameters") or {}
    logger.info("request %s %s", method, event.get("path"))
    try:
        match method, params:
            case "POST", _:
                return create_order(event)
            case "GET", {"order_id": order_id}:
                return get_order(order_id)
            case "GET", _:
                return _response(400, {"message": "order_id is required"})
            case _:
                return _response(405, {"message": f"method {method} not allowed"}, Allow="GET, POST")
    except ValidationError as error:
        logger.warning("validation failed: %s", error)
        return _response(422, {"message": str(error), "field": error.field_name})
    except Exception:
        logger.exception("unexpected failure")
        return _response(500, {"message": "internal error"})
