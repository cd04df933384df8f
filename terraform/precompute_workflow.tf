# The nightly precompute state machine. Its definition is step_functions/precompute_workflow.json,
# valid JSON as committed; templatefile() fills the ${...} placeholders below (the local runner
# fills the same names). The Map branches' concurrency is bounded by the database connection
# budget: (report + pattern concurrency) x connections per worker <= db_connection_budget.

variable "report_max_concurrency" {
  description = "Report workers running at once (Map FanOutToReportWorkers)."
  type        = number
}

variable "pattern_max_concurrency" {
  description = "Pattern workers running at once (Map FanOutToPatternWorkers)."
  type        = number
}

variable "worker_db_pool_size" {
  description = "Database connections each worker container holds (DB_POOL_SIZE)."
  type        = number
  default     = 1
}

variable "db_connection_budget" {
  description = "Connections the precompute fan-out may use in total (RDS Proxy / Aurora max_connections share)."
  type        = number
}

locals {
  # The manifest functions the definition calls (a name missing from deploy/functions.json fails
  # the plan). Each is invoked as local.invoke_arns says: through `live` when the manifest gives
  # it the alias, else unqualified (none of these four has one today).
  workflow_functions = ["get-ticker-list", "report-worker", "pattern-precompute", "precompute-controller"]
  workflow_function_arns = {
    for name in local.workflow_functions : name => local.invoke_arns[name]
  }
}

resource "aws_sfn_state_machine" "precompute" {
  # the name behind local.precompute_state_machine_arn, which precompute-controller's
  # environment and role use (an attribute reference would close a dependency cycle)
  name     = local.precompute_state_machine_name
  role_arn = aws_iam_role.precompute_workflow.arn
  type     = "STANDARD"

  definition = templatefile("${path.module}/step_functions/precompute_workflow.json", {
    get_ticker_list_arn       = local.workflow_function_arns["get-ticker-list"]
    report_worker_arn         = local.workflow_function_arns["report-worker"]
    pattern_worker_arn        = local.workflow_function_arns["pattern-precompute"]
    precompute_controller_arn = local.workflow_function_arns["precompute-controller"]
    report_max_concurrency    = var.report_max_concurrency
    pattern_max_concurrency   = var.pattern_max_concurrency
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.precompute_workflow.arn}:*"
    include_execution_data = true
    level                  = "ALL"
  }

  lifecycle {
    precondition {
      condition     = (var.report_max_concurrency + var.pattern_max_concurrency) * var.worker_db_pool_size <= var.db_connection_budget
      error_message = "Map concurrency x connections per worker exceeds db_connection_budget: the fan-out would exhaust the database's connections."
    }
  }
}

resource "aws_cloudwatch_log_group" "precompute_workflow" {
  name              = "/aws/vendedlogs/states/${var.project}-precompute-workflow-${var.env}"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "precompute_workflow" {
  name = "${var.project}-precompute-workflow-${var.env}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "states.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "precompute_workflow" {
  name = "invoke-workers-and-log"
  role = aws_iam_role.precompute_workflow.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = values(local.workflow_function_arns)
      },
      {
        # CloudWatch Logs delivery for the state machine's own logging; these actions take no
        # resource-level permissions.
        Effect = "Allow"
        Action = ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
          "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"]
        Resource = "*"
      }
    ]
  })
}
