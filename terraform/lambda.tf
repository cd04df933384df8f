# One Lambda function per manifest entry, all running the same image by digest, each selecting
# its handler through the image command (CMD). Per function: a log group, a role with exactly
# what that function calls, and the environment its handler reads at start-up (every missing key
# is named in the cold-start error, ARCHITECTURE §2).

locals {
  # Every function reads the database through RDS Proxy. The handlers read DB_PASSWORD from the
  # environment; DB_SECRET_ARN names the secret it comes from (the one RDS Proxy authenticates
  # against), so the value can move to a read at cold start without an IAM change.
  common_environment = {
    APP_ENV       = var.env
    DB_URL        = "jdbc:mysql://${aws_db_proxy.main.endpoint}:3306/${var.db_name}?sslMode=REQUIRED"
    DB_USER       = var.db_app_username
    DB_PASSWORD   = random_password.db_app.result
    DB_SECRET_ARN = aws_secretsmanager_secret.db_app.arn
  }

  function_environment = {
    "telegram-api" = {
      TELEGRAM_BOT_TOKEN     = var.telegram_bot_token
      REPORT_WORKER_FUNCTION = local.invoke_names["report-worker"]
      ALLOWED_ORIGINS        = join(",", local.allowed_origins)
    }
    "line-bot" = {
      LINE_CHANNEL_SECRET       = var.line_channel_secret
      LINE_CHANNEL_ACCESS_TOKEN = var.line_channel_access_token
      MINIAPP_URL               = local.miniapp_url
    }
    # The workers' pool size is the factor precompute_workflow.tf checks against the
    # connection budget: (report + pattern concurrency) x DB_POOL_SIZE <= db_connection_budget.
    "report-worker" = {
      DB_POOL_SIZE = tostring(var.worker_db_pool_size)
    }
    "pattern-precompute" = {
      DB_POOL_SIZE = tostring(var.worker_db_pool_size)
    }
    "ticker-scheduler" = {
      PRECOMPUTE_CONTROLLER_FUNCTION = local.invoke_names["precompute-controller"]
    }
    "precompute-controller" = {
      PRECOMPUTE_STATE_MACHINE_ARN = local.precompute_state_machine_arn
    }
  }

  # What each function calls besides the database: telegram-api queues reports on report-worker,
  # ticker-scheduler wakes precompute-controller, precompute-controller starts the workflow.
  function_calls = {
    "telegram-api" = [{
      actions   = ["lambda:InvokeFunction"]
      resources = [local.invoke_arns["report-worker"]]
    }]
    "ticker-scheduler" = [{
      actions   = ["lambda:InvokeFunction"]
      resources = [local.invoke_arns["precompute-controller"]]
    }]
    "precompute-controller" = [{
      actions   = ["states:StartExecution"]
      resources = [local.precompute_state_machine_arn]
    }]
  }
}

resource "aws_cloudwatch_log_group" "lambda" {
  for_each          = local.functions
  name              = "/aws/lambda/${local.function_names[each.key]}"
  retention_in_days = var.log_retention_days
  tags              = { Function = each.key }
}

# --- IAM: one role per function ------------------------------------------------------------------

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "lambda" {
  for_each           = local.functions
  name               = "${local.function_names[each.key]}-role"
  description        = "Execution role of ${local.function_names[each.key]}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = { Function = each.key }
}

data "aws_iam_policy_document" "lambda" {
  for_each = local.functions

  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.lambda[each.key].arn}:*"]
  }

  # The ENI actions of the AWSLambdaVPCAccessExecutionRole managed policy, written out: that
  # policy also grants logs:CreateLogGroup/CreateLogStream/PutLogEvents on every log group
  # ("*"), which would undo the per-function log scope above. These EC2 actions support no
  # resource-level scoping, hence "*".
  statement {
    sid = "VpcNetworkInterfaces"
    actions = [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "DatabaseSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.db_app.arn]
  }

  dynamic "statement" {
    for_each = lookup(local.function_calls, each.key, [])
    content {
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_iam_role_policy" "lambda" {
  for_each = local.functions
  name     = "least-privilege"
  role     = aws_iam_role.lambda[each.key].id
  policy   = data.aws_iam_policy_document.lambda[each.key].json
}

# --- The functions ---------------------------------------------------------------------------------

resource "aws_lambda_function" "this" {
  for_each = local.functions

  function_name = local.function_names[each.key]
  description   = substr("${each.value.module}: ${each.value.trigger}", 0, 256)
  role          = aws_iam_role.lambda[each.key].arn
  package_type  = "Image"
  architectures = ["x86_64"]
  memory_size   = each.value.memory_mb
  timeout       = each.value.timeout_seconds

  # The deploy tool updates the code by digest, waits for it, verifies the resolved digest, then
  # runs this configuration with the digest each function runs after the deploy (a var file with
  # image_digest and function_image_digests: a deploy of one app leaves the other apps' functions
  # on their digests), so a plan after a deploy shows no change here. image_uri is deliberately NOT in ignore_changes: Terraform always holds
  # the released digest and a drifted function is put back on it. The reference system's rollback
  # incident came from a stale *tag* default in tfvars; here the digest has no default, is
  # validated as sha256:…, and comes only from the release record.
  image_uri = "${aws_ecr_repository.lambda.repository_url}@${lookup(var.function_image_digests, each.key, var.image_digest)}"

  image_config {
    command = [each.value.handler]
  }

  # Versions are published by the deploy tool after its smoke test, not by every apply.
  publish = false

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.lambda.id]
  }

  environment {
    variables = merge(local.common_environment, lookup(local.function_environment, each.key, {}))
  }

  # Names the log group created above, so the group (with its retention) exists before the
  # function can write its first line.
  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.lambda[each.key].name
  }

  tags = {
    Function = each.key
    Apps     = join(" ", each.value.apps)
  }

  # Creating a function in a VPC checks that its role may manage ENIs.
  depends_on = [aws_iam_role_policy.lambda]

  lifecycle {
    precondition {
      condition     = length(setsubtract(keys(local.function_environment), keys(local.functions))) == 0
      error_message = "lambda.tf configures functions that deploy/functions.json does not list: ${join(", ", setsubtract(keys(local.function_environment), keys(local.functions)))}."
    }
    precondition {
      condition     = can(regex("^[A-Za-z_$][\\w$.]*::handleRequest$", each.value.handler))
      error_message = "Manifest handler of ${each.key} must be a Class::handleRequest command."
    }
  }
}

# The alias `live` of the functions the manifest marks live_alias (API Gateway calls them through
# it). Terraform creates it; the deploy tool owns where it points: it publishes a version after the
# smoke test and moves `live` to it (or back, on rollback). Terraform must not move it back to
# $LATEST, hence ignore_changes on function_version (and routing_config, for weighted shifts).
resource "aws_lambda_alias" "live" {
  for_each         = local.live_alias_functions
  name             = "live"
  description      = "What users are served; moved by the deploy tool"
  function_name    = aws_lambda_function.this[each.key].function_name
  function_version = aws_lambda_function.this[each.key].version

  lifecycle {
    ignore_changes = [function_version, routing_config]
  }
}
