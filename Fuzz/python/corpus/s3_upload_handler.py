"""Handle S3 upload notifications and index objects in DynamoDB."""
import json
import logging
import os
from datetime import datetime, timezone
from urllib.parse import unquote_plus

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

s3 = boto3.client("s3")
dynamodb = boto3.resource("dynamodb", region_name=os.environ["AWS_REGION"])
TABLE_NAME = os.environ.get("TABLE_NAME", "objects")
MAX_SIZE = 50 * 1024 * 1024
ALLOWED_SUFFIXES = (".csv", ".json", ".parquet")


def _object_key(record: dict) -> str:
    return unquote_plus(record["s3"]["object"]["key"])


def _is_allowed(key: str, size: int) -> bool:
    if not key.endswith(ALLOWED_SUFFIXES):
        return False
    return 0 < size <= MAX_SIZE


def _metadata(bucket: str, key: str) -> dict[str, str]:
    try:
        head = s3.head_object(Bucket=bucket, Key=key)
    except ClientError as error:
        code = error.response["Error"]["Code"]
        logger.warning("head_object failed for %s/%s: %s", bucket, key, code)
        if code in ("404", "NoSuchKey"):
            return {}
        raise
    return {k.lower(): v for k, v in head.get("Metadata", {}).items()}


def index_object(bucket, key, size, *, table=None):
    table = table or dynamodb.Table(TABLE_NAME)
    now = datetime.now(timezone.utc).isoformat()
    item = {
        "pk": f"{bucket}#{key}",
        "bucket": bucket,
        "key": key,
        "size": size,
        "indexed_at": now,
        "suffix": key.rsplit(".", 1)[-1],
    }
    item.update(_metadata(bucket, key))
    table.put_item(Item=item)
    logger.info("indexed %s (%d bytes)", key, size)
    return item


def lambda_handler(event, context):
    records = event.get("Records", [])
    logger.debug("received %d records", len(records))
    results = []
    skipped = 0
    for record in records:
        bucket = record["s3"]["bucket"]["name"]
        key = _object_key(record)
        size = record["s3"]["object"].get("size", 0)
        if not _is_allowed(key, size):
            skipped += 1
            continue
        try:
            results.append(index_object(bucket, key, size))
        except ClientError:
            logger.exception("failed to index %s", key)
            raise
        finally:
            logger.debug("done with %s", key)
    body = {
        "indexed": [r["pk"] for r in results],
        "skipped": skipped,
        "remaining_ms": context.get_remaining_time_in_millis() if context else None,
    }
    return {"statusCode": 200, "body": json.dumps(body)}
