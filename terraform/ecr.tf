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

# Functions are updated by digest (repo@sha256:…), so images are pushed untagged. The deploy tool
# tags every digest it releases `release-<…>` (tags are immutable, so a release tag can never move).
# Released images are never expired: old Lambda versions and the rollback target keep pointing at
# them, and an expired image breaks a rollback (reference incident: "keep newest 20" expired images
# still referenced by versions). Untagged images — builds that were never released, or whose deploy
# was rolled back — expire after two weeks, long after any deploy that pushed them has finished.
resource "aws_ecr_lifecycle_policy" "lambda" {
  repository = aws_ecr_repository.lambda.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Expire untagged images (never released) after 14 days; release-* images are tagged and never match"
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = 14
      }
      action = { type = "expire" }
    }]
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
