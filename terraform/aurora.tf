# Aurora MySQL 3 (MySQL 8.0 compatible), reached only through RDS Proxy.
#
# Credentials:
#  - master user: password generated and rotated by RDS in Secrets Manager
#    (manage_master_user_password); used by RDS Proxy and by administrators, never by code.
#  - application user (db_app_username): the user every function connects as. Its password is
#    generated here and kept in the secret db-app ({username, password}, the shape RDS Proxy
#    reads); the functions get it as DB_PASSWORD. The MySQL user itself is created once per
#    environment by an administrator (README: "First apply").

locals {
  aurora_serverless = var.aurora_instance_class == "db.serverless"
}

resource "aws_db_subnet_group" "aurora" {
  name        = "${var.project}-${var.env}"
  description = "Private subnets of ${var.project} ${var.env}"
  subnet_ids  = aws_subnet.private[*].id
}

# max_connections set explicitly (instead of the ACU-derived default) so the proxy's share, and
# therefore the precompute fan-out's connection budget, is a number this configuration can check.
resource "aws_db_parameter_group" "aurora" {
  name        = "${var.project}-aurora-${var.env}"
  family      = "aurora-mysql8.0"
  description = "DR Daily Report Aurora MySQL 3 instances (${var.env})"

  parameter {
    name  = "max_connections"
    value = tostring(var.db_max_connections)
  }
}

resource "aws_rds_cluster" "main" {
  cluster_identifier          = "${var.project}-${var.env}"
  engine                      = "aurora-mysql"
  engine_mode                 = "provisioned"
  engine_version              = var.aurora_engine_version
  database_name               = var.db_name
  master_username             = var.db_master_username
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.aurora.name
  vpc_security_group_ids      = [aws_security_group.aurora.id]
  storage_encrypted           = true
  copy_tags_to_snapshot       = true

  # 02:00-03:00 and Monday 03:00-04:00 Bangkok time: clear of the 05:00 nightly run.
  preferred_backup_window      = "19:00-20:00"
  preferred_maintenance_window = "sun:20:00-sun:21:00"
  backup_retention_period      = var.aurora_backup_retention_days

  deletion_protection       = var.aurora_deletion_protection
  skip_final_snapshot       = !var.aurora_deletion_protection
  final_snapshot_identifier = var.aurora_deletion_protection ? "${var.project}-${var.env}-final" : null

  enabled_cloudwatch_logs_exports = ["error", "slowquery"]

  dynamic "serverlessv2_scaling_configuration" {
    for_each = local.aurora_serverless ? [1] : []
    content {
      min_capacity = var.aurora_min_capacity
      max_capacity = var.aurora_max_capacity
    }
  }

  # AWS applies minor engine upgrades in the maintenance window; without this, the next plan
  # would try to "downgrade" to the creation version and fail (reference: 3.04.0 -> 3.10.3).
  lifecycle {
    ignore_changes = [engine_version]
  }
}

resource "aws_rds_cluster_instance" "main" {
  count                        = var.aurora_instance_count
  identifier                   = "${var.project}-${var.env}-${count.index + 1}"
  cluster_identifier           = aws_rds_cluster.main.id
  instance_class               = var.aurora_instance_class
  engine                       = aws_rds_cluster.main.engine
  engine_version               = aws_rds_cluster.main.engine_version
  db_parameter_group_name      = aws_db_parameter_group.aurora.name
  publicly_accessible          = false
  auto_minor_version_upgrade   = true
  performance_insights_enabled = var.env == "prod"

  lifecycle {
    ignore_changes = [engine_version]
  }
}

# --- The application user's secret -----------------------------------------------------------------

resource "random_password" "db_app" {
  length           = 32
  special          = true
  override_special = "!#%*()-_=+[]{}<>:?"
}

resource "aws_secretsmanager_secret" "db_app" {
  name                    = "${var.project}/${var.env}/db-app"
  description             = "MySQL user the DR Daily Report functions connect as (through RDS Proxy)"
  recovery_window_in_days = var.env == "dev" ? 0 : 7
}

resource "aws_secretsmanager_secret_version" "db_app" {
  secret_id = aws_secretsmanager_secret.db_app.id
  secret_string = jsonencode({
    username = var.db_app_username
    password = random_password.db_app.result
  })
}

# --- RDS Proxy ---------------------------------------------------------------------------------------

data "aws_iam_policy_document" "db_proxy_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["rds.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "db_proxy" {
  name               = "${var.project}-db-proxy-${var.env}"
  description        = "RDS Proxy of ${var.project} ${var.env}: reads the database secrets"
  assume_role_policy = data.aws_iam_policy_document.db_proxy_assume.json
}

# Both secrets are encrypted with the AWS managed key aws/secretsmanager, whose key policy lets
# Secrets Manager decrypt for callers of this account: no kms:Decrypt statement is needed.
data "aws_iam_policy_document" "db_proxy" {
  statement {
    sid     = "DatabaseSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_secretsmanager_secret.db_app.arn,
      aws_rds_cluster.main.master_user_secret[0].secret_arn,
    ]
  }
}

resource "aws_iam_role_policy" "db_proxy" {
  name   = "read-database-secrets"
  role   = aws_iam_role.db_proxy.id
  policy = data.aws_iam_policy_document.db_proxy.json
}

resource "aws_db_proxy" "main" {
  name                   = "${var.project}-${var.env}"
  engine_family          = "MYSQL"
  role_arn               = aws_iam_role.db_proxy.arn
  vpc_subnet_ids         = aws_subnet.private[*].id
  vpc_security_group_ids = [aws_security_group.db_proxy.id]
  require_tls            = true
  idle_client_timeout    = 1800

  auth {
    description = "application user (the functions)"
    auth_scheme = "SECRETS"
    iam_auth    = "DISABLED"
    secret_arn  = aws_secretsmanager_secret.db_app.arn
  }

  auth {
    description = "master user (administrators)"
    auth_scheme = "SECRETS"
    iam_auth    = "DISABLED"
    secret_arn  = aws_rds_cluster.main.master_user_secret[0].secret_arn
  }

  depends_on = [aws_iam_role_policy.db_proxy, aws_secretsmanager_secret_version.db_app]
}

# Connection budget: RDS Proxy opens at most max_connections_percent of db_max_connections to
# Aurora. The precompute fan-out may hold db_connection_budget of them at once
# ((report + pattern Map concurrency) x DB_POOL_SIZE, checked in precompute_workflow.tf); what the
# proxy may open beyond the budget is left for telegram-api, line-bot and the scheduler's own
# functions. The handlers set session variables on every new connection (time zone, SQL mode),
# which pins a client to its backend connection, so the proxy cannot multiplex them away: the
# budget is the real bound, and this precondition keeps it below the proxy's share.
resource "aws_db_proxy_default_target_group" "main" {
  db_proxy_name = aws_db_proxy.main.name

  connection_pool_config {
    max_connections_percent      = var.proxy_max_connections_percent
    max_idle_connections_percent = min(50, var.proxy_max_connections_percent)
    connection_borrow_timeout    = 10
  }

  lifecycle {
    precondition {
      condition     = var.db_connection_budget < floor(var.db_max_connections * var.proxy_max_connections_percent / 100)
      error_message = "db_connection_budget must be below the connections RDS Proxy may open (db_max_connections x proxy_max_connections_percent / 100), leaving room for the API and the bot."
    }
  }
}

resource "aws_db_proxy_target" "main" {
  db_proxy_name         = aws_db_proxy.main.name
  target_group_name     = aws_db_proxy_default_target_group.main.name
  db_cluster_identifier = aws_rds_cluster.main.cluster_identifier
  depends_on            = [aws_rds_cluster_instance.main]
}
