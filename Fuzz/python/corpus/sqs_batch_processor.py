import asyncio
import json
import logging
import os
import random
import time
from collections import defaultdict
from typing import AsyncIterator, Iterable

import aioboto3
import boto3

LOG = logging.getLogger("sqs-batch")
LOG.setLevel(logging.DEBUG if os.getenv("DEBUG") == "1" else logging.INFO)

SECRETS = boto3.client("secretsmanager")
RETRY_LIMIT = int(os.environ.get("RETRY_LIMIT", "3"))
BACKOFF_BASE = 0.25
_api_key_cache = None


def api_key() -> str:
    global _api_key_cache
    if _api_key_cache is None:
        secret = SECRETS.get_secret_value(SecretId=os.environ["API_KEY_SECRET"])
        _api_key_cache = json.loads(secret["SecretString"])["api_key"]
    return _api_key_cache


def batches(items: list, size: int = 10) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


async def records(event) -> AsyncIterator[dict]:
    for record in event["Records"]:
        await asyncio.sleep(0)
        yield json.loads(record["body"])


def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


async def deliver(session, message: dict, attempt: int = 0) -> bool:
    async with session.client("sns") as sns:
        try:
            await sns.publish(TopicArn=os.environ["TOPIC_ARN"], Message=json.dumps(message))
            return True
        except Exception as error:
            if attempt >= RETRY_LIMIT:
                LOG.error("giving up on %s after %d attempts: %s", message.get("id"), attempt, error)
                return False
            delay = BACKOFF_BASE * 2 ** attempt + random.random() / 10
            await asyncio.sleep(delay)
            return await deliver(session, message, attempt + 1)


async def process(event) -> dict:
    session = aioboto3.Session()
    failures = []
    by_type = defaultdict(list)
    counter = make_counter()
    async for message in records(event):
        by_type[message.get("type", "unknown")].append(message)
        counter()
    for kind, messages in sorted(by_type.items()):
        for batch in batches(messages):
            results = await asyncio.gather(*(deliver(session, m) for m in batch))
            failures += [m["id"] for m, ok in zip(batch, results) if not ok]
            LOG.debug("%s: delivered %d/%d", kind, sum(results), len(batch))
    return {"batchItemFailures": [{"itemIdentifier": i} for i in failures]}


def lambda_handler(event, context):
    started = time.monotonic()
    result = asyncio.run(process(event))
    elapsed_ms = (time.monotonic() - started) * 1_000
    LOG.info("processed batch in %.1f ms, %d failures", elapsed_ms, len(result["batchItemFailures"]))
    return result
