import csv
import io
import json
import logging
import os
from datetime import date, timedelta
from typing import Iterator, NamedTuple

import boto3
from boto3.dynamodb.conditions import Key

log = logging.getLogger(__name__)
dynamodb = boto3.resource("dynamodb")
s3_client = boto3.client("s3", endpoint_url=os.environ.get("S3_ENDPOINT") or None)
REPORT_BUCKET = os.environ["REPORT_BUCKET"]
PREFIX = os.environ.get("REPORT_PREFIX", "reports/")


class Row(NamedTuple):
    day: str
    region: str
    orders: int
    revenue: float


def days_between(start: date, end: date) -> Iterator[date]:
    current = start
    while current <= end:
        yield current
        current += timedelta(days=1)
    else:
        log.debug("range exhausted")


def query_day(table, day: date) -> list[dict]:
    items, kwargs = [], {"KeyConditionExpression": Key("day").eq(day.isoformat())}
    while True:
        page = table.query(**kwargs)
        items.extend(page["Items"])
        if "LastEvaluatedKey" not in page:
            break
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    return items


def aggregate(items: list[dict]) -> dict[str, tuple[int, float]]:
    totals: dict[str, tuple[int, float]] = {}
    for item in items:
        region = item.get("region", "unknown")
        count, revenue = totals.get(region, (0, 0.0))
        totals[region] = count + 1, revenue + float(item.get("amount", 0))
    return totals


def render(rows: list[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(Row._fields)
    writer.writerows(rows)
    text = buffer.getvalue()
    del buffer
    return text.encode("utf-8")


def upload(key: str, payload: bytes, content_type="text/csv") -> str:
    s3_client.put_object(Bucket=REPORT_BUCKET, Key=key, Body=payload,
                         ContentType=content_type, ServerSideEncryption="aws:kms")
    return f"s3://{REPORT_BUCKET}/{key}"


def lambda_handler(event, context):
    end = date.fromisoformat(event.get("end", date.today().isoformat()))
    start = end - timedelta(days=int(event.get("days", 7)) - 1)
    table = dynamodb.Table(os.environ["SALES_TABLE"])
    rows = []
    for day in days_between(start, end):
        for region, (orders, revenue) in sorted(aggregate(query_day(table, day)).items()):
            rows.append(Row(day.isoformat(), region, orders, round(revenue, 2)))
    top = sorted(rows, key=lambda row: (-row.revenue, row.day))[:5]
    key = f"{PREFIX}{start:%Y%m%d}-{end:%Y%m%d}.csv"
    location = upload(key, render(rows))
    summary = {
        "location": location,
        "rows": len(rows),
        "top": [r._asdict() for r in top],
        "regions": sorted({r.region for r in rows}),
        "by_day": {d: sum(r.orders for r in rows if r.day == d) for d in {r.day for r in rows}},
    }
    log.info("report written to %s", location)
    return json.loads(json.dumps(summary, default=str))
