import json
import logging
import os
from enum import Enum
from typing import Callable, TypeVar

import boto3

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "WARNING").upper())

events = boto3.client("events")
lambda_client = boto3.client("lambda")
T = TypeVar("T")
HANDLERS: dict[str, Callable[[dict], dict]] = {}


class Source(str, Enum):
    ORDERS = "app.orders"
    PAYMENTS = "app.payments"
    SCHEDULER = "aws.scheduler"


def route(detail_type: str):
    def register(function: Callable[[dict], T]) -> Callable[[dict], T]:
        HANDLERS[detail_type] = function
        return function
    return register


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x: int, y: int) -> None:
        self.x, self.y = x, y


@route("OrderPlaced")
def on_order_placed(detail: dict) -> dict:
    amount = detail.get("amount", 0)
    tier = "large" if amount >= 1_000 else "small" if amount > 0 else "empty"
    return {"tier": tier, "amount": amount}


@route("PaymentFailed")
def on_payment_failed(detail: dict) -> dict:
    events.put_events(Entries=[{
        "Source": Source.PAYMENTS.value,
        "DetailType": "PaymentRetryRequested",
        "Detail": json.dumps({"payment_id": detail["payment_id"], "attempt": detail.get("attempt", 0) + 1}),
        "EventBusName": os.environ["BUS_NAME"],
    }])
    return {"retried": True}


def classify(payload) -> str:
    match payload:
        case None:
            return "nothing"
        case True | False:
            return "flag"
        case int(n) if n < 0:
            return "negative"
        case 0 | 1 | -1 | 0o17 | 0b101 | 0xFF:
            return "small constant"
        case float() | complex():
            return "real or complex"
        case 1 + 2j:
            return "that complex"
        case "ping" | b"ping":
            return "ping"
        case [Point(x=0, y=0), *rest]:
            return f"origin then {len(rest)}"
        case Point(0, y):
            return f"on axis at {y}"
        case [first, second, *_]:
            return "pair-ish"
        case {"type": str(kind), **others}:
            return f"typed {kind} with {len(others)} others"
        case Source.ORDERS:
            return "orders source"
        case (a, b) as pair:
            return f"tuple {pair}"
        case _:
            return "other"


def invoke_async(function_name: str, payload: dict) -> int:
    response = lambda_client.invoke(
        FunctionName=function_name,
        InvocationType="Event",
        Payload=json.dumps(payload).encode(),
    )
    return response["StatusCode"]


def handler(event, context):
    detail_type = event.get("detail-type", "")
    detail = event.get("detail", {})
    logger.info("routing %s from %s", detail_type, event.get("source"))
    if (target := HANDLERS.get(detail_type)) is not None:
        result = target(detail)
    elif (forward := os.environ.get("FORWARD_FUNCTION")):
        result = {"status": invoke_async(forward, event)}
    else:
        result = {"classification": classify(detail.get("payload"))}
    return {"ok": True, **result}
