# One HTTP API (payload format 2.0) in front of the two user-facing functions, each through its
# alias `live`, so users only ever reach a version the deploy tool has smoke-tested.

locals {
  api_routes = {
    "ANY /api/v1/{proxy+}" = "telegram-api"
    "POST /line/webhook"   = "line-bot"
  }
  api_functions = toset(values(local.api_routes))
}

resource "aws_apigatewayv2_api" "http" {
  name          = "${var.project}-api-${var.env}"
  description   = "DR Daily Report: Telegram Mini App API (/api/v1) and LINE webhook (/line/webhook)"
  protocol_type = "HTTP"

  # The Mini App page (CloudFront) calls the API from the browser. CORS is owned here: API Gateway
  # answers the preflight itself and replaces the CORS headers of the function's responses. The
  # function sends the same values (telegram-api Cors.java, origins from ALLOWED_ORIGINS = the same
  # list) for where no gateway stands in front of it (bin/dr-local); CorsConfigurationTest fails when
  # the two differ or when a response header app.js reads (Retry-After) is not exposed.
  cors_configuration {
    allow_origins  = local.allowed_origins
    allow_methods  = ["GET", "POST", "DELETE", "OPTIONS"]
    allow_headers  = ["content-type", "x-telegram-init-data", "x-request-id"]
    expose_headers = ["x-request-id", "retry-after"]
    max_age        = 600
  }
}

resource "aws_apigatewayv2_integration" "function" {
  for_each               = local.api_functions
  api_id                 = aws_apigatewayv2_api.http.id
  description            = "${local.function_names[each.key]}:live"
  integration_type       = "AWS_PROXY"
  integration_method     = "POST"
  integration_uri        = aws_lambda_alias.live[each.key].invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000

  lifecycle {
    precondition {
      condition     = contains(local.live_alias_functions, each.key)
      error_message = "${each.key} is behind API Gateway, so deploy/functions.json must give it live_alias = true."
    }
  }
}

resource "aws_apigatewayv2_route" "route" {
  for_each  = local.api_routes
  api_id    = aws_apigatewayv2_api.http.id
  route_key = each.key
  target    = "integrations/${aws_apigatewayv2_integration.function[each.value].id}"
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${var.project}-api-${var.env}"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit   = var.api_throttling_burst_limit
    throttling_rate_limit    = var.api_throttling_rate_limit
    detailed_metrics_enabled = true
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      ip                 = "$context.identity.sourceIp"
      requestTime        = "$context.requestTime"
      httpMethod         = "$context.httpMethod"
      path               = "$context.path"
      routeKey           = "$context.routeKey"
      status             = "$context.status"
      protocol           = "$context.protocol"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integrationStatus"
      integrationError   = "$context.integrationErrorMessage"
    })
  }
}

# API Gateway may invoke the alias `live` (not the unqualified function) of each routed function,
# and only from this API.
resource "aws_lambda_permission" "api" {
  for_each      = local.api_functions
  statement_id  = "AllowApiGatewayInvokeLive"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this[each.key].function_name
  qualifier     = aws_lambda_alias.live[each.key].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}
