env = "dev"

# The account this environment lives in: Terraform refuses any other, and so does the deploy
# tool's pre-flight. Fill in once the account exists (empty = not checked).
aws_account_id = ""

# Precompute fan-out, bounded by the database's connection budget:
# (report_max_concurrency + pattern_max_concurrency) * worker_db_pool_size <= db_connection_budget
report_max_concurrency  = 3
pattern_max_concurrency = 3
worker_db_pool_size     = 1
db_connection_budget    = 10

# The image is not set here: the deploy tool passes -var image_digest=sha256:… from the release
# record. Secrets (telegram_bot_token, line_channel_secret, line_channel_access_token) come from
# the secret store as TF_VAR_… at apply time.

log_retention_days = 7
vpc_cidr           = "10.10.0.0/16"

# Aurora MySQL 3: db.serverless = Serverless v2 between the min and max ACUs.
aurora_instance_class        = "db.serverless"
aurora_instance_count        = 1
aurora_min_capacity          = 0.5
aurora_max_capacity          = 2
aurora_backup_retention_days = 1
aurora_deletion_protection   = false

# RDS Proxy may open proxy_max_connections_percent of db_max_connections; db_connection_budget
# above must stay below that share (checked at plan time).
db_max_connections            = 90
proxy_max_connections_percent = 90

api_throttling_burst_limit = 50
api_throttling_rate_limit  = 20
extra_allowed_origins      = []
