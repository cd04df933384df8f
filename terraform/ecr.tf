# The one image every function runs (one CMD per function). One repository per environment
# ({image_repository}-{env}), so an environment never pulls from another's; promotion pushes the
# same content, which keeps its digest.

resource "aws_ecr_repository" "lambda" {
  name                 = "${local.manifest.image_repository}-${var.env}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

# Functions are updated by digest (repo@sha256:…). The deploy tool tags every push
# `build-<commit>-<time>` and adds `release-<commit>-<time>` only once the digest is released (the
# release record written after the post-deploy validation passed); tags are immutable, so a release
# tag can never move. ECR never expires an image that a higher-priority rule's tag selection matches,
# so rule 1 keeps every `release-*` image (it would only expire beyond 10,000 releases): old Lambda
# versions and rollback targets keep pointing at them, and an expired image breaks a rollback
# (reference incident: "keep newest 20" expired images still referenced by versions). Builds that
# were never released — failed or rolled-back deploys, dry runs are never pushed — expire after two
# weeks (rule 2), long after the deploy that pushed them finished, as do untagged images (rule 3).
# deploy/…/DeployUnitTest reads these rules and checks them against the tool's tag prefixes.
resource "aws_ecr_lifecycle_policy" "lambda" {
  repository = aws_ecr_repository.lambda.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Keep released images (release-*): a rule of higher priority shields them from the expiring rules below"
        selection = {
          tagStatus     = "tagged"
          tagPrefixList = ["release-"]
          countType     = "imageCountMoreThan"
          countNumber   = 10000
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Expire builds that were never released (build-* only) 14 days after their push"
        selection = {
          tagStatus     = "tagged"
          tagPrefixList = ["build-"]
          countType     = "sinceImagePushed"
          countUnit     = "days"
          countNumber   = 14
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 3
        description  = "Expire untagged images 14 days after their push"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 14
        }
        action = { type = "expire" }
      }
    ]
  })
}

# Lambda pulls the image with the service principal; granting it here keeps Lambda from editing
# the repository policy itself (which Terraform would then see as drift). Only this
# environment's functions may pull.
resource "aws_ecr_repository_policy" "lambda" {
  repository = aws_ecr_repository.lambda.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "LambdaPull"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = {
        StringLike = {
          "aws:sourceArn" = "${local.arn_prefix}:lambda:${var.region}:${local.account_id}:function:${var.project}-*-${var.env}"
        }
      }
    }]
  })
}
