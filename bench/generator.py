"""Synthetic serverless repositories for the benchmarks, written from this project's own templates.

A repository is made of domains of exactly 100 `.tf` files each:

    domains/dNN/shared/tags.tf                   a local module: naming and tags (variables, locals, outputs)
    domains/dNN/services/sK/{9 files}.tf         ten services: Lambda (Python handler in src/), IAM,
                                                 API Gateway (HTTP API), logs, KMS, S3, DynamoDB,
                                                 variables, locals, outputs
    domains/dNN/services/sK/src/app.py           the handler (boto3, environment, logging)
    domains/dNN/services/sK/tests/test_app.py    its unit tests
    environments/{dev,staging,prod}/dNN/*.tf     three environments calling the domain's services

so 100, 1,000 and 10,000 `.tf` files are 1, 10 and 100 domains. On top of the first commit comes
a history of small changes (a retention, a memory size, an IAM action, a handler edit, a tag, a
README line), one to three files each, so that `changelog` and `git log` have something real to
read. Everything is deterministic: the same size gives the same commits, byte for byte.

A separate "small project" is one folder with exactly 11 resources and its handler: the size of
project the issue compares with checkov.
"""
import random

ENVIRONMENTS = ("dev", "staging", "prod")
SERVICES_PER_DOMAIN = 10


def tags_module():
    return '''variable "project" {
  type        = string
  description = "Project name, the first part of every resource name."
}

variable "environment" {
  type        = string
  description = "Deployment environment (dev, staging, prod)."
}

variable "owner" {
  type    = string
  default = "platform-team"
}

locals {
  prefix = "${var.project}-${var.environment}"
  tags = {
    Project     = var.project
    Environment = var.environment
    Owner       = var.owner
    ManagedBy   = "terraform"
  }
}

output "prefix" {
  value = local.prefix
}

output "tags" {
  value = local.tags
}
'''


def service_files(domain, service, revision):
    """The nine .tf files of one service, keyed by file name. `revision` holds the knobs the
    history changes (retention, memory, timeout, actions, extra tag, tracing)."""
    name = f"d{domain:02d}-s{service}"
    table = f"d{domain:02d}_s{service}_items"
    files = {}
    files["variables.tf"] = f'''variable "project" {{
  type = string
}}

variable "environment" {{
  type = string
}}

variable "log_retention_days" {{
  type    = number
  default = {revision["retention"]}
}}

variable "memory_size" {{
  type    = number
  default = {revision["memory"]}
}}

variable "allowed_origins" {{
  type    = list(string)
  default = ["https://app.example.com"]
}}
'''
    files["locals.tf"] = f'''module "tags" {{
  source      = "../../shared"
  project     = var.project
  environment = var.environment
}}

locals {{
  name        = "${{module.tags.prefix}}-{name}"
  table_name  = "${{module.tags.prefix}}-{table}"
  common_tags = merge(module.tags.tags, {{ Service = "{name}"{revision["extra_tag"]} }})
}}
'''
    tracing = '''
  tracing_config {
    mode = "Active"
  }
''' if revision["tracing"] else ""
    files["main.tf"] = f'''data "archive_file" "package" {{
  type        = "zip"
  source_dir  = "${{path.module}}/src"
  output_path = "${{path.module}}/build/{name}.zip"
}}

resource "aws_lambda_function" "api" {{
  function_name    = local.name
  role             = aws_iam_role.lambda.arn
  handler          = "app.handler"
  runtime          = "python3.12"
  filename         = data.archive_file.package.output_path
  source_code_hash = data.archive_file.package.output_base64sha256
  memory_size      = var.memory_size
  timeout          = {revision["timeout"]}
  kms_key_arn      = aws_kms_key.service.arn
{tracing}
  environment {{
    variables = {{
      TABLE_NAME   = aws_dynamodb_table.items.name
      BUCKET_NAME  = aws_s3_bucket.artifacts.bucket
      LOG_LEVEL    = "INFO"
    }}
  }}

  tags = local.common_tags
}}
'''
    actions = ", ".join(f'"{action}"' for action in revision["actions"])
    files["iam.tf"] = f'''data "aws_iam_policy_document" "assume" {{
  statement {{
    actions = ["sts:AssumeRole"]
    principals {{
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }}
  }}
}}

resource "aws_iam_role" "lambda" {{
  name               = local.name
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = local.common_tags
}}

data "aws_iam_policy_document" "access" {{
  statement {{
    sid       = "Items"
    actions   = [{actions}]
    resources = [aws_dynamodb_table.items.arn]
  }}

  statement {{
    sid       = "Artifacts"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${{aws_s3_bucket.artifacts.arn}}/*"]
  }}

  statement {{
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${{aws_cloudwatch_log_group.lambda.arn}}:*"]
  }}

  statement {{
    sid       = "Key"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.service.arn]
  }}
}}

resource "aws_iam_role_policy" "access" {{
  name   = "access"
  role   = aws_iam_role.lambda.id
  policy = data.aws_iam_policy_document.access.json
}}
'''
    files["api.tf"] = f'''resource "aws_apigatewayv2_api" "http" {{
  name          = local.name
  protocol_type = "HTTP"

  cors_configuration {{
    allow_origins = var.allowed_origins
    allow_methods = ["GET", "POST"]
  }}

  tags = local.common_tags
}}

resource "aws_apigatewayv2_integration" "lambda" {{
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.api.invoke_arn
  payload_format_version = "2.0"
}}

resource "aws_apigatewayv2_route" "items" {{
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /items"
  target             = "integrations/${{aws_apigatewayv2_integration.lambda.id}}"
  authorization_type = "AWS_IAM"
}}

resource "aws_apigatewayv2_stage" "default" {{
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {{
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({{ requestId = "$context.requestId", status = "$context.status" }})
  }}

  tags = local.common_tags
}}

resource "aws_lambda_permission" "api" {{
  statement_id  = "AllowApiGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${{aws_apigatewayv2_api.http.execution_arn}}/*/*"
}}
'''
    files["logs.tf"] = f'''resource "aws_cloudwatch_log_group" "lambda" {{
  name              = "/aws/lambda/${{local.name}}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.service.arn
  tags              = local.common_tags
}}

resource "aws_cloudwatch_log_group" "api" {{
  name              = "/aws/apigateway/${{local.name}}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.service.arn
  tags              = local.common_tags
}}
'''
    files["kms.tf"] = f'''resource "aws_kms_key" "service" {{
  description             = "Encrypts the data and logs of ${{local.name}}"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  tags                    = local.common_tags
}}

resource "aws_kms_alias" "service" {{
  name          = "alias/${{local.name}}"
  target_key_id = aws_kms_key.service.key_id
}}
'''
    files["storage.tf"] = f'''resource "aws_s3_bucket" "artifacts" {{
  bucket = "${{local.name}}-artifacts"
  tags   = local.common_tags
}}

resource "aws_s3_bucket_public_access_block" "artifacts" {{
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}}

resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {{
  bucket = aws_s3_bucket.artifacts.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.service.arn
    }}
  }}
}}

resource "aws_s3_bucket_versioning" "artifacts" {{
  bucket = aws_s3_bucket.artifacts.id
  versioning_configuration {{
    status = "Enabled"
  }}
}}

resource "aws_dynamodb_table" "items" {{
  name         = local.table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {{
    name = "pk"
    type = "S"
  }}

  attribute {{
    name = "sk"
    type = "S"
  }}

  point_in_time_recovery {{
    enabled = true
  }}

  server_side_encryption {{
    enabled     = true
    kms_key_arn = aws_kms_key.service.arn
  }}

  tags = local.common_tags
}}
'''
    files["outputs.tf"] = '''output "function_name" {
  value = aws_lambda_function.api.function_name
}

output "api_endpoint" {
  value = aws_apigatewayv2_stage.default.invoke_url
}

output "table_arn" {
  value = aws_dynamodb_table.items.arn
}
'''
    return files


def handler(domain, service, revision):
    """A Python handler that reads its table and bucket names from the environment."""
    validation = '''
    if not item_id.isalnum():
        return _response(400, {"message": "invalid id"})
''' if revision["validation"] else ""
    return f'''"""Items API of service d{domain:02d}-s{service}."""
import json
import logging
import os

import boto3

LOGGER = logging.getLogger()
LOGGER.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
S3 = boto3.client("s3")
BUCKET = os.environ["BUCKET_NAME"]


def _response(status, body):
    return {{"statusCode": status, "headers": {{"Content-Type": "application/json"}}, "body": json.dumps(body)}}


def handler(event, context):
    item_id = (event.get("pathParameters") or {{}}).get("id", "")
{validation}
    try:
        result = TABLE.get_item(Key={{"pk": item_id, "sk": "item"}})
    except Exception:
        LOGGER.exception("reading item %s failed", item_id)
        return _response(500, {{"message": "internal error"}})
    item = result.get("Item")
    if item is None:
        return _response(404, {{"message": "not found"}})
    S3.put_object(Bucket=BUCKET, Key=f"reads/{{item_id}}", Body=json.dumps(item, default=str))
    return _response(200, item)
'''


def handler_tests(domain, service):
    return f'''"""Unit tests of the d{domain:02d}-s{service} handler."""
from unittest import mock

import app


def test_missing_item_is_404():
    with mock.patch.object(app, "TABLE") as table:
        table.get_item.return_value = {{}}
        assert app.handler({{"pathParameters": {{"id": "a1"}}}}, None)["statusCode"] == 404


def test_error_is_500():
    with mock.patch.object(app, "TABLE") as table:
        table.get_item.side_effect = RuntimeError("boom")
        assert app.handler({{"pathParameters": {{"id": "a1"}}}}, None)["statusCode"] == 500
'''


def environment_files(environment, domain):
    """An environment's root module for one domain: a provider and the domain's services."""
    calls = "\n".join(f'''module "s{service}" {{
  source             = "../../../domains/d{domain:02d}/services/s{service}"
  project            = var.project
  environment        = "{environment}"
  log_retention_days = {365 if environment == "prod" else 30}
  memory_size        = {512 if environment == "prod" else 256}
}}
''' for service in range(SERVICES_PER_DOMAIN))
    outputs = "\n".join(f'''output "s{service}_endpoint" {{
  value = module.s{service}.api_endpoint
}}
''' for service in range(SERVICES_PER_DOMAIN))
    return {
        "main.tf": f'''terraform {{
  required_version = ">= 1.6"
  required_providers {{
    aws = {{
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }}
  }}
}}

provider "aws" {{
  region = var.region
}}

{calls}''',
        "variables.tf": f'''variable "project" {{
  type    = string
  default = "shop"
}}

variable "region" {{
  type    = string
  default = "{'eu-west-1' if environment == 'prod' else 'eu-central-1'}"
}}
''',
        "outputs.tf": outputs,
    }


def initial_revision(domain, service):
    return {"retention": 365, "memory": 256, "timeout": 10, "tracing": True, "validation": True, "extra_tag": "",
            "actions": ["dynamodb:GetItem", "dynamodb:Query"]}


def service_folder(domain, service):
    return f"domains/d{domain:02d}/services/s{service}"


def repository_files(domains):
    """Every file of the first commit, and the revision knobs of each service."""
    files = {"README.md": "# shop\n\nServerless services of the shop, one folder per service.\n"}
    revisions = {}
    for domain in range(domains):
        files[f"domains/d{domain:02d}/shared/tags.tf"] = tags_module()
        for service in range(SERVICES_PER_DOMAIN):
            revision = initial_revision(domain, service)
            revisions[(domain, service)] = revision
            folder = service_folder(domain, service)
            for name, text in service_files(domain, service, revision).items():
                files[f"{folder}/{name}"] = text
            files[f"{folder}/src/app.py"] = handler(domain, service, revision)
            files[f"{folder}/tests/test_app.py"] = handler_tests(domain, service)
        for environment in ENVIRONMENTS:
            for name, text in environment_files(environment, domain).items():
                files[f"environments/{environment}/d{domain:02d}/{name}"] = text
    return files, revisions


def history(domains, revisions, commits, seed=9):
    """`commits` small changes, as (message, {path: text}) pairs, applied in order."""
    generator = random.Random(seed)
    changes = []
    readme_lines = 0
    for number in range(commits):
        domain = generator.randrange(domains)
        service = generator.randrange(SERVICES_PER_DOMAIN)
        revision = revisions[(domain, service)]
        folder = service_folder(domain, service)
        kind = generator.choice(["retention", "memory", "timeout", "actions", "tag", "handler", "handler-and-iam", "readme"])
        name = f"d{domain:02d}-s{service}"
        if kind == "retention":
            revision["retention"] = generator.choice([7, 14, 30, 90, 365, 731])
            message, touched = f"{name}: keep logs {revision['retention']} days", ["variables.tf"]
        elif kind == "memory":
            revision["memory"] = generator.choice([128, 256, 512, 1024])
            message, touched = f"{name}: {revision['memory']} MB of memory", ["variables.tf"]
        elif kind == "timeout":
            revision["timeout"] = generator.choice([3, 10, 15, 30, 60])
            message, touched = f"{name}: timeout {revision['timeout']} s", ["main.tf"]
        elif kind == "actions":
            extra = generator.choice(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:*"])
            base = ["dynamodb:GetItem", "dynamodb:Query"]
            revision["actions"] = base if extra in revision["actions"] else base + [extra]
            message, touched = f"{name}: allow {', '.join(revision['actions'])}", ["iam.tf"]
        elif kind == "tag":
            revision["extra_tag"] = "" if revision["extra_tag"] else f', CostCenter = "cc-{generator.randrange(100, 999)}"'
            message, touched = f"{name}: cost center tag", ["locals.tf"]
        elif kind == "handler":
            revision["validation"] = not revision["validation"]
            message, touched = f"{name}: {'validate' if revision['validation'] else 'stop validating'} item ids", ["src/app.py"]
        elif kind == "handler-and-iam":
            revision["tracing"] = not revision["tracing"]
            revision["validation"] = not revision["validation"]
            message, touched = f"{name}: tracing {'on' if revision['tracing'] else 'off'}, id validation", ["main.tf", "src/app.py"]
        else:
            readme_lines += 1
            changes.append((f"README: note {readme_lines}\n", {"README.md": readme(readme_lines)}))
            continue
        files = {}
        texts = service_files(domain, service, revision)
        for path in touched:
            files[f"{folder}/{path}"] = handler(domain, service, revision) if path == "src/app.py" else texts[path]
        changes.append((message + "\n", files))
    return changes, readme_lines


def readme(lines):
    return "# shop\n\nServerless services of the shop, one folder per service.\n\n" + "".join(
        f"- note {number}\n" for number in range(1, lines + 1))


def pull_request(domains, revisions, files_changed):
    """A pull request's files: `files_changed` 1 is one Lambda losing its tracing and getting a
    15-minute timeout; 20 is two services reworked (all nine .tf files and the handler each):
    no tracing, logs kept 7 days without the key, a wildcard action, an open route, no key
    rotation, no point-in-time recovery, a new tag and output, no id validation."""
    if files_changed == 1:
        domain, service = domains // 2, 3
        revision = dict(revisions[(domain, service)], tracing=False, timeout=900)
        return {f"{service_folder(domain, service)}/main.tf": service_files(domain, service, revision)["main.tf"]}
    assert files_changed == 20
    edits = {
        "api.tf": ('authorization_type = "AWS_IAM"', 'authorization_type = "NONE"'),
        "logs.tf": ("  kms_key_id        = aws_kms_key.service.arn\n", ""),
        "kms.tf": ("enable_key_rotation     = true", "enable_key_rotation     = false"),
        "storage.tf": ("point_in_time_recovery {\n    enabled = true", "point_in_time_recovery {\n    enabled = false"),
        "outputs.tf": ("", 'output "role_arn" {\n  value = aws_iam_role.lambda.arn\n}\n'),
    }
    changed = {}
    for domain, service in ((0, 1), (domains - 1, 8)):
        current = revisions[(domain, service)]
        revision = dict(current, tracing=False, retention=7 if current["retention"] != 7 else 3, timeout=900,
                        validation=not current["validation"], actions=["dynamodb:*", "s3:*"], extra_tag=', Team = "checkout"')
        folder = service_folder(domain, service)
        for name, text in service_files(domain, service, revision).items():
            if name in edits:
                old, new = edits[name]
                text = text + new if not old else text.replace(old, new)
            changed[f"{folder}/{name}"] = text
        changed[f"{folder}/src/app.py"] = handler(domain, service, revision)
    return changed


def small_project():
    """One folder with exactly 11 resources (plus two policy documents and the package) and its
    handler: the size of project the issue compares with checkov."""
    texts = service_files(0, 0, initial_revision(0, 0))
    project = {}
    # The service without the shared tags module and without the HTTP API's route and stage:
    # Lambda, role, role policy, two log groups, key, alias, bucket, its public access block,
    # table, API = 11 resources.
    locals_text = '''locals {
  name        = "shop-dev-orders"
  table_name  = "shop-dev-orders-items"
  common_tags = { Project = "shop", Environment = "dev", Service = "orders" }
}
'''
    storage = texts["storage.tf"]
    storage = storage[:storage.index('resource "aws_s3_bucket_server_side_encryption_configuration"')] + \
        storage[storage.index('resource "aws_dynamodb_table"'):]
    api = texts["api.tf"]
    api = api[:api.index('resource "aws_apigatewayv2_integration"')]
    project = {
        "main.tf": texts["main.tf"], "iam.tf": texts["iam.tf"], "logs.tf": texts["logs.tf"], "kms.tf": texts["kms.tf"],
        "storage.tf": storage, "api.tf": api, "variables.tf": texts["variables.tf"], "locals.tf": locals_text,
        "outputs.tf": texts["outputs.tf"].split('output "api_endpoint"')[0] + 'output "table_arn" {\n  value = aws_dynamodb_table.items.arn\n}\n',
        "src/app.py": handler(0, 0, initial_revision(0, 0)), "README.md": "# orders\n",
    }
    return project
