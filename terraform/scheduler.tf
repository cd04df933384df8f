# The nightly run: 05:00 Asia/Bangkok every day (22:00 UTC the day before). The timezone is
# explicit — the reference system once ran on a UTC cron and dated its data wrongly.

locals {
  schedule_target = "ticker-scheduler"
}

data "aws_iam_policy_document" "schedule_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "schedule" {
  name               = "${var.project}-schedule-${var.env}"
  description        = "EventBridge Scheduler: invokes ${local.function_names[local.schedule_target]} at 05:00 Bangkok"
  assume_role_policy = data.aws_iam_policy_document.schedule_assume.json
}

data "aws_iam_policy_document" "schedule" {
  statement {
    sid       = "InvokeTickerScheduler"
    actions   = ["lambda:InvokeFunction"]
    resources = [local.invoke_arns[local.schedule_target]]
  }
}

resource "aws_iam_role_policy" "schedule" {
  name   = "invoke-ticker-scheduler"
  role   = aws_iam_role.schedule.id
  policy = data.aws_iam_policy_document.schedule.json
}

resource "aws_scheduler_schedule" "daily" {
  name        = "${var.project}-daily-ticker-fetch-${var.env}"
  group_name  = "default"
  description = "Fetch every active DR's prices at 05:00 Bangkok, then precompute reports and chart patterns"

  schedule_expression          = "cron(0 5 * * ? *)"
  schedule_expression_timezone = "Asia/Bangkok"
  state                        = "ENABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    # the alias `live` when the manifest gives the function one, else the function itself
    arn      = local.invoke_arns[local.schedule_target]
    role_arn = aws_iam_role.schedule.arn
    # {} would do (fetch every active ticker); `action` is recorded in the invocation, the
    # handler ignores it.
    input = jsonencode({ action = "precompute", source = "schedule" })

    # The scheduler invokes the function asynchronously; a delivery it could not make
    # (throttling, service errors) is retried twice within the hour. The fetch upserts, so a
    # repeated run does no harm.
    retry_policy {
      maximum_event_age_in_seconds = 3600
      maximum_retry_attempts       = 2
    }
  }
}
