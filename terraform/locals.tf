# The function manifest is the one list of Lambda functions (ARCHITECTURE §2, §7): the deploy
# tool, the image test and this configuration all read deploy/functions.json. Adding a function
# there adds its Lambda, role and log group here.

locals {
  manifest  = jsondecode(file("${path.module}/../deploy/functions.json"))
  functions = { for f in local.manifest.functions : f.name => f }

  # dr-daily-report-{name}-{env}
  function_names = { for name in keys(local.functions) : name => "${var.project}-${name}-${var.env}" }

  # ARNs built from names rather than resource attributes: roles name other functions, and
  # precompute-controller names the state machine whose definition names the functions —
  # attribute references would close dependency cycles.
  arn_prefix    = "arn:${data.aws_partition.current.partition}"
  account_id    = data.aws_caller_identity.current.account_id
  function_arns = { for name, full in local.function_names : name => "${local.arn_prefix}:lambda:${var.region}:${local.account_id}:function:${full}" }

  precompute_state_machine_name = "${var.project}-precompute-workflow-${var.env}"
  precompute_state_machine_arn  = "${local.arn_prefix}:states:${var.region}:${local.account_id}:stateMachine:${local.precompute_state_machine_name}"

  # Functions whose callers go through the alias `live` (manifest live_alias). Every caller
  # configured here — API Gateway, the schedule, the state machine, a function invoking another by
  # name — uses invoke_names / invoke_arns, so a function that has the alias is never called
  # unqualified (the reference system's aliases protected almost nothing for that reason).
  live_alias_functions = toset([for f in local.manifest.functions : f.name if f.live_alias])
  invoke_names         = { for name, full in local.function_names : name => contains(local.live_alias_functions, name) ? "${full}:live" : full }
  invoke_arns          = { for name, arn in local.function_arns : name => contains(local.live_alias_functions, name) ? "${arn}:live" : arn }

  miniapp_origin  = "https://${aws_cloudfront_distribution.miniapp.domain_name}"
  miniapp_url     = "${local.miniapp_origin}/"
  allowed_origins = distinct(concat([local.miniapp_origin], var.extra_allowed_origins))
}
