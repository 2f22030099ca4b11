import asyncio
import contextlib
import json
import logging
import os
from typing import Any

import boto3

logger = logging.getLogger(__name__)
sns = boto3.client("sns")
cloudwatch = boto3.client("cloudwatch")
NAMESPACE = os.environ.get("METRIC_NAMESPACE", "Workers")


class TaskFailed(Exception):
    pass


@contextlib.contextmanager
def metric(name: str, **dimensions: str):
    status = "ok"
    try:
        yield
    except Exception:
        status = "error"
        raise
    finally:
        cloudwatch.put_metric_data(
            Namespace=NAMESPACE,
            MetricData=[{
                "MetricName": name,
                "Dimensions": [{"Name": k, "Value": v} for k, v in dimensions.items()] + [{"Name": "status", "Value": status}],
                "Value": 1,
            }],
        )


async def run_task(task: dict[str, Any]) -> str:
    await asyncio.sleep(task.get("delay", 0))
    if task.get("fail"):
        raise TaskFailed(task["id"])
    return task["id"]


async def run_all(tasks: list[dict]) -> list[str]:
    results = []
    try:
        async with asyncio.TaskGroup() as group:
            pending = [group.create_task(run_task(t)) for t in tasks]
        results = [p.result() for p in pending]
    except* TaskFailed as failures:
        logger.warning("%d tasks failed", len(failures.exceptions))
        for failure in failures.exceptions:
            logger.warning("failed: %s", failure)
    except* (TimeoutError, ConnectionError) as transient:
        logger.error("transient errors: %r", transient)
    return results


def notify(topic: str, message: str, subject: str = "Worker report") -> None:
    with (
        metric("notify", topic=topic.rsplit(":", 1)[-1]),
        contextlib.suppress(KeyError) as suppressed,
    ):
        sns.publish(TopicArn=topic, Subject=subject[:100], Message=message)
    logger.debug("suppressed: %s", suppressed)


def chain(*iterables):
    for iterable in iterables:
        yield from iterable


def lambda_handler(event: dict, context: object) -> dict:
    tasks = list(chain(event.get("tasks", []), event.get("extra_tasks", [])))
    with metric("run", worker=os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "local")):
        done = asyncio.run(run_all(tasks))
    failed = sorted({t["id"] for t in tasks} - set(done))
    report = json.dumps({"done": done, "failed": failed}, indent=2)
    if failed and (topic := os.environ.get("ALERT_TOPIC")):
        notify(topic, report)
    assert len(done) + len(failed) == len(tasks), "task accounting is off"
    return {"done": len(done), "failed": failed, "ratio": len(done) / len(tasks) if tasks else 1.0}
