# What the deploy tool and operators read back (terraform output -raw NAME / -json).

output "api_url" {
  description = "Base URL of the HTTP API ($default stage): <api_url>/api/v1/health, <api_url>/line/webhook."
  value       = aws_apigatewayv2_api.http.api_endpoint
}

output "precompute_workflow_arn" {
  description = "ARN of the nightly precompute state machine."
  value       = aws_sfn_state_machine.precompute.arn
}

output "ecr_repository_url" {
  description = "Repository the deploy tool pushes the image to (functions run <url>@<digest>)."
  value       = aws_ecr_repository.lambda.repository_url
}

output "function_names" {
  description = "Manifest name -> Lambda function name."
  value       = { for name, fn in aws_lambda_function.this : name => fn.function_name }
}

output "miniapp_bucket" {
  description = "S3 bucket of the Mini App page (publish-miniapp --bucket)."
  value       = aws_s3_bucket.miniapp.id
}

output "cloudfront_distribution_id" {
  description = "CloudFront distribution of the Mini App (publish-miniapp --distribution)."
  value       = aws_cloudfront_distribution.miniapp.id
}

output "miniapp_url" {
  description = "URL of the Mini App page (register it with the bot; line-bot links to it)."
  value       = local.miniapp_url
}

output "schedule_name" {
  description = "EventBridge Scheduler schedule of the 05:00 Bangkok run (group default)."
  value       = aws_scheduler_schedule.daily.name
}

output "db_proxy_endpoint" {
  description = "RDS Proxy endpoint every function connects to."
  value       = aws_db_proxy.main.endpoint
}

output "db_master_secret_arn" {
  description = "Secret of the Aurora master user (managed and rotated by RDS), for administrators."
  value       = aws_rds_cluster.main.master_user_secret[0].secret_arn
}

output "db_app_secret_arn" {
  description = "Secret of the application user ({username, password})."
  value       = aws_secretsmanager_secret.db_app.arn
}

# The same values for the deploy tool, in Parameter Store: it finds the API, the repository, the
# state machine, the schedule and the Mini App bucket without a Terraform binary or the state.
resource "aws_ssm_parameter" "deploy_environment" {
  name        = "/${var.project}/${var.env}/deploy/environment"
  description = "What Terraform created for ${var.env}; read by the deploy tool."
  type        = "String"
  value = jsonencode({
    api_url                    = aws_apigatewayv2_api.http.api_endpoint
    ecr_repository_url         = aws_ecr_repository.lambda.repository_url
    precompute_workflow_arn    = aws_sfn_state_machine.precompute.arn
    schedule_name              = aws_scheduler_schedule.daily.name
    schedule_group             = aws_scheduler_schedule.daily.group_name
    miniapp_bucket             = aws_s3_bucket.miniapp.id
    cloudfront_distribution_id = aws_cloudfront_distribution.miniapp.id
    miniapp_url                = local.miniapp_url
    function_names             = { for name, fn in aws_lambda_function.this : name => fn.function_name }
  })
}
