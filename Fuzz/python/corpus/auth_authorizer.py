import base64
import hashlib
import hmac
import json
import logging
import os
import re
import time
from functools import lru_cache, wraps

import boto3

logger = logging.getLogger(__name__)
ssm = boto3.client("ssm")
TOKEN_PATTERN = re.compile(r"^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)$")
CLOCK_SKEW = 0x3C
ALGORITHMS = {b"HS256": hashlib.sha256, b"HS512": hashlib.sha512}


def timed(name):
    def decorator(function):
        @wraps(function)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                logger.debug("%s took %.3fs", name, time.perf_counter() - start)
        return wrapper
    return decorator


@lru_cache(maxsize=1)
def signing_key() -> bytes:
    parameter = ssm.get_parameter(Name=os.environ["SIGNING_KEY_PARAM"], WithDecryption=True)
    return parameter["Parameter"]["Value"].encode("utf-8")


def _b64decode(segment: str) -> bytes:
    padding = "=" * (-len(segment) % 4)
    return base64.urlsafe_b64decode(segment + padding)


def decode_token(token: str, /, key: bytes, *, leeway: int = CLOCK_SKEW) -> dict:
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(_b64decode(header_b64))
    digest = ALGORITHMS.get(header.get("alg", "").encode())
    if digest is None:
        raise ValueError("unsupported algorithm")
    expected = hmac.new(key, f"{header_b64}.{payload_b64}".encode(), digest).digest()
    if not hmac.compare_digest(expected, _b64decode(signature_b64)):
        raise ValueError("bad signature")
    claims = json.loads(_b64decode(payload_b64))
    now = int(time.time())
    if not claims.get("nbf", 0) - leeway <= now < claims.get("exp", 0) + leeway:
        raise ValueError("token expired or not yet valid")
    return claims


def policy(principal: str, effect: str, resource: str, context: dict | None = None) -> dict:
    document = {
        "Version": "2012-10-17",
        "Statement": [
            {"Action": "execute-api:Invoke", "Effect": effect, "Resource": resource},
        ],
    }
    return {"principalId": principal, "policyDocument": document, "context": context or {}}


@timed("authorizer")
def handler(event, context):
    header = event.get("authorizationToken", "")
    arn = event["methodArn"]
    base_arn = "/".join(arn.split("/")[:2]) + "/*"
    if not (match := TOKEN_PATTERN.match(header)):
        logger.info("missing or malformed token")
        return policy("anonymous", "Deny", base_arn)
    try:
        claims = decode_token(match.group(1), signing_key())
    except (ValueError, KeyError) as error:
        logger.info("rejected token: %s", error)
        return policy("anonymous", "Deny", base_arn)
    scopes = set(claims.get("scope", "").split())
    effect = "Allow" if {"orders:read", "orders:write"} & scopes else "Deny"
    return policy(claims["sub"], effect, base_arn, {"scopes": " ".join(sorted(scopes)), "tenant": claims.get("tenant", "")})
