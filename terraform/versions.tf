terraform {
  # 1.10+: the S3 backend locks with a lock file in the bucket (use_lockfile), no DynamoDB table.
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # Partial configuration: one state per environment, chosen at init time —
  #   terraform init -reconfigure -backend-config=envs/dev.s3.tfbackend
  # (bucket, key, region, encrypt, use_lockfile live in envs/<env>.s3.tfbackend).
  backend "s3" {}
}
