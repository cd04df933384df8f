env = "prod"

# Precompute fan-out, bounded by the database's connection budget:
# (report_max_concurrency + pattern_max_concurrency) * worker_db_pool_size <= db_connection_budget
report_max_concurrency  = 10
pattern_max_concurrency = 10
worker_db_pool_size     = 1
db_connection_budget    = 40
