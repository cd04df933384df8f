variable "project" {
  description = "Name prefix of every resource."
  type        = string
  default     = "dr-daily-report"
}

variable "env" {
  description = "dev, staging or prod."
  type        = string
  validation {
    condition     = contains(["dev", "staging", "prod"], var.env)
    error_message = "env must be dev, staging or prod."
  }
}

variable "region" {
  description = "AWS region."
  type        = string
  default     = "ap-southeast-1"
}

# ---------------------------------------------------------------------------------------------
# Code: the one image every function runs
# ---------------------------------------------------------------------------------------------

variable "image_digest" {
  description = "Digest of the released image (sha256:…), passed by the deploy tool as -var image_digest=… from the environment's release record. Never a tag, never stored in tfvars."
  type        = string
  validation {
    condition     = can(regex("^sha256:[0-9a-f]{64}$", var.image_digest))
    error_message = "image_digest must be an image digest, sha256: followed by 64 lowercase hex digits (tags are not accepted: a tag can point anywhere)."
  }
}

variable "function_image_digests" {
  description = "Per manifest function, the digest it runs when it differs from image_digest (a deploy of one app keeps the others where they are). Written by the deploy tool into its release var file."
  type        = map(string)
  default     = {}
  validation {
    condition     = alltrue([for d in values(var.function_image_digests) : can(regex("^sha256:[0-9a-f]{64}$", d))])
    error_message = "every function_image_digests value must be sha256: followed by 64 lowercase hex digits."
  }
}

variable "aws_account_id" {
  description = "The AWS account this environment lives in. When set, Terraform refuses other accounts and the deploy tool's pre-flight checks the caller's account against it."
  type        = string
  default     = ""
}

variable "log_retention_days" {
  description = "Retention of every CloudWatch log group of this environment (functions, API access logs, workflow)."
  type        = number
  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, …)."
  }
}

# ---------------------------------------------------------------------------------------------
# Secrets the handlers read from their environment (TF_VAR_… from the secret store at apply time)
# ---------------------------------------------------------------------------------------------

variable "telegram_bot_token" {
  description = "Telegram bot token (telegram-api: initData HMAC key). Supplied as TF_VAR_telegram_bot_token, never in tfvars."
  type        = string
  sensitive   = true
  validation {
    condition     = length(trimspace(var.telegram_bot_token)) > 0 && !strcontains(lower(var.telegram_bot_token), "placeholder")
    error_message = "telegram_bot_token is empty or a placeholder: applying it would break every Mini App request."
  }
}

variable "line_channel_secret" {
  description = "LINE channel secret (line-bot: X-Line-Signature key). Supplied as TF_VAR_line_channel_secret, never in tfvars."
  type        = string
  sensitive   = true
  validation {
    condition     = length(trimspace(var.line_channel_secret)) > 0 && !strcontains(lower(var.line_channel_secret), "placeholder")
    error_message = "line_channel_secret is empty or a placeholder: the bot would reject every webhook."
  }
}

variable "line_channel_access_token" {
  description = "LINE channel access token (line-bot: replies). Supplied as TF_VAR_line_channel_access_token, never in tfvars."
  type        = string
  sensitive   = true
  validation {
    condition     = length(trimspace(var.line_channel_access_token)) > 0 && !strcontains(lower(var.line_channel_access_token), "placeholder")
    error_message = "line_channel_access_token is empty or a placeholder: the bot could not reply."
  }
}

# ---------------------------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "CIDR of this environment's VPC (one /16 per environment; private subnets for Lambda, RDS Proxy and Aurora, public ones for the NAT gateway)."
  type        = string
  validation {
    condition     = can(cidrnetmask(var.vpc_cidr)) && try(tonumber(split("/", var.vpc_cidr)[1]) <= 20, false)
    error_message = "vpc_cidr must be an IPv4 CIDR of /20 or larger."
  }
}

variable "availability_zone_count" {
  description = "Availability zones to spread subnets over (Aurora needs at least two)."
  type        = number
  default     = 2
  validation {
    condition     = var.availability_zone_count >= 2 && var.availability_zone_count <= 3
    error_message = "availability_zone_count must be 2 or 3."
  }
}

# ---------------------------------------------------------------------------------------------
# Database: Aurora MySQL 3 behind RDS Proxy
# ---------------------------------------------------------------------------------------------

variable "aurora_engine_version" {
  description = "Aurora MySQL 3 (MySQL 8.0 compatible) engine version at creation; later minor upgrades are AWS's (see aurora.tf)."
  type        = string
  default     = "8.0.mysql_aurora.3.08.2"
  validation {
    condition     = startswith(var.aurora_engine_version, "8.0.mysql_aurora.3.")
    error_message = "aurora_engine_version must be an Aurora MySQL 3 version (8.0.mysql_aurora.3.x)."
  }
}

variable "aurora_instance_class" {
  description = "db.serverless for Aurora Serverless v2 (capacity between aurora_min_capacity and aurora_max_capacity ACUs), or a provisioned class such as db.r6g.large."
  type        = string
  default     = "db.serverless"
  validation {
    condition     = startswith(var.aurora_instance_class, "db.")
    error_message = "aurora_instance_class must be an RDS instance class (db.serverless, db.r6g.large, …)."
  }
}

variable "aurora_instance_count" {
  description = "Aurora instances (the first is the writer; more are readers that take over on failure)."
  type        = number
  default     = 1
  validation {
    condition     = var.aurora_instance_count >= 1 && var.aurora_instance_count <= 3
    error_message = "aurora_instance_count must be between 1 and 3."
  }
}

variable "aurora_min_capacity" {
  description = "Serverless v2 minimum ACUs (ignored for provisioned classes)."
  type        = number
  default     = 0.5
}

variable "aurora_max_capacity" {
  description = "Serverless v2 maximum ACUs (ignored for provisioned classes)."
  type        = number
  default     = 2
  validation {
    condition     = var.aurora_max_capacity >= 1 && var.aurora_max_capacity <= 128
    error_message = "aurora_max_capacity must be between 1 and 128 ACUs."
  }
}

variable "aurora_backup_retention_days" {
  description = "Days of automated Aurora backups."
  type        = number
  default     = 7
  validation {
    condition     = var.aurora_backup_retention_days >= 1 && var.aurora_backup_retention_days <= 35
    error_message = "aurora_backup_retention_days must be between 1 and 35."
  }
}

variable "aurora_deletion_protection" {
  description = "Refuse to delete the cluster (and take a final snapshot when it is deleted anyway)."
  type        = bool
}

variable "db_name" {
  description = "Schema the application uses (DB_URL's database)."
  type        = string
  default     = "dr_daily_report"
}

variable "db_master_username" {
  description = "Aurora master user; its password is generated and rotated by RDS in Secrets Manager (manage_master_user_password)."
  type        = string
  default     = "dr_admin"
}

variable "db_app_username" {
  description = "The MySQL user every function connects as, through RDS Proxy (created once per environment, see README)."
  type        = string
  default     = "dr_app"
}

variable "db_max_connections" {
  description = "max_connections of every Aurora instance (set explicitly, so the proxy's share below is a known number, not a function of the ACUs)."
  type        = number
  validation {
    condition     = var.db_max_connections >= 20 && var.db_max_connections <= 16000
    error_message = "db_max_connections must be between 20 and 16000."
  }
}

variable "proxy_max_connections_percent" {
  description = "Share of db_max_connections RDS Proxy may open (the rest stays free for administrators). Must cover db_connection_budget (checked in aurora.tf)."
  type        = number
  default     = 90
  validation {
    condition     = var.proxy_max_connections_percent >= 10 && var.proxy_max_connections_percent <= 100
    error_message = "proxy_max_connections_percent must be between 10 and 100."
  }
}

# ---------------------------------------------------------------------------------------------
# API Gateway and the Mini App
# ---------------------------------------------------------------------------------------------

variable "api_throttling_burst_limit" {
  description = "HTTP API stage burst limit (requests)."
  type        = number
  validation {
    condition     = var.api_throttling_burst_limit >= 1
    error_message = "api_throttling_burst_limit must be positive."
  }
}

variable "api_throttling_rate_limit" {
  description = "HTTP API stage steady-state limit (requests per second)."
  type        = number
  validation {
    condition     = var.api_throttling_rate_limit >= 1
    error_message = "api_throttling_rate_limit must be positive."
  }
}

variable "extra_allowed_origins" {
  description = "Origins allowed by CORS besides the Mini App's own CloudFront origin (e.g. a custom domain), as https://host."
  type        = list(string)
  default     = []
  validation {
    condition     = alltrue([for o in var.extra_allowed_origins : can(regex("^https?://[^/]+$", o))])
    error_message = "extra_allowed_origins entries must be origins (scheme://host[:port]) without a path."
  }
}

variable "cloudfront_price_class" {
  description = "CloudFront price class of the Mini App distribution (PriceClass_200 includes Asia)."
  type        = string
  default     = "PriceClass_200"
  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.cloudfront_price_class)
    error_message = "cloudfront_price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}
