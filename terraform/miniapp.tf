# The Telegram Mini App page: a private, versioned S3 bucket read only by one CloudFront
# distribution (origin access control). The deploy tool's publish-miniapp uploads the files with
# their Cache-Control (no-cache for index.html and config.js, 5 minutes for the rest) and
# invalidates the distribution when something changed.

resource "aws_s3_bucket" "miniapp" {
  bucket = "${var.project}-miniapp-${var.env}-${local.account_id}"
}

resource "aws_s3_bucket_public_access_block" "miniapp" {
  bucket                  = aws_s3_bucket.miniapp.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "miniapp" {
  bucket = aws_s3_bucket.miniapp.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "miniapp" {
  bucket = aws_s3_bucket.miniapp.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "miniapp" {
  bucket = aws_s3_bucket.miniapp.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# Versioning keeps every overwritten page; 30 days of history is enough to restore one.
resource "aws_s3_bucket_lifecycle_configuration" "miniapp" {
  bucket = aws_s3_bucket.miniapp.id
  rule {
    id     = "expire-old-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
  }
  depends_on = [aws_s3_bucket_versioning.miniapp]
}

resource "aws_cloudfront_origin_access_control" "miniapp" {
  name                              = "${var.project}-miniapp-${var.env}"
  description                       = "CloudFront reads the Mini App bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

data "aws_iam_policy_document" "miniapp_bucket" {
  statement {
    sid       = "CloudFrontReadsThroughOAC"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.miniapp.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.miniapp.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "miniapp" {
  bucket     = aws_s3_bucket.miniapp.id
  policy     = data.aws_iam_policy_document.miniapp_bucket.json
  depends_on = [aws_s3_bucket_public_access_block.miniapp]
}

# Everything but the entry points: the origin's Cache-Control decides (5 minutes as published),
# bounded to a day. "/" (served as index.html) falls here too; index.html's no-cache with
# min_ttl 0 keeps it fresh.
resource "aws_cloudfront_cache_policy" "miniapp_assets" {
  name        = "${var.project}-miniapp-assets-${var.env}"
  comment     = "Mini App assets: origin Cache-Control, at most a day"
  min_ttl     = 0
  default_ttl = 300
  max_ttl     = 86400

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true
    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

# index.html and config.js (the page and the API origin it calls): a short TTL, so a new page
# or a moved API is seen within a minute even without an invalidation.
resource "aws_cloudfront_cache_policy" "miniapp_entry" {
  name        = "${var.project}-miniapp-entry-${var.env}"
  comment     = "Mini App entry points: at most a minute"
  min_ttl     = 0
  default_ttl = 30
  max_ttl     = 60

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true
    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

resource "aws_cloudfront_distribution" "miniapp" {
  enabled             = true
  comment             = "DR Daily Report Telegram Mini App - ${var.env}"
  default_root_object = "index.html"
  price_class         = var.cloudfront_price_class
  http_version        = "http2and3"
  is_ipv6_enabled     = true

  origin {
    origin_id                = "miniapp-s3"
    domain_name              = aws_s3_bucket.miniapp.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.miniapp.id
  }

  # No security-headers policy with X-Frame-Options: Telegram's web client shows the Mini App
  # in an iframe.
  default_cache_behavior {
    target_origin_id       = "miniapp-s3"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD", "OPTIONS"]
    cached_methods         = ["GET", "HEAD"]
    compress               = true
    cache_policy_id        = aws_cloudfront_cache_policy.miniapp_assets.id
  }

  dynamic "ordered_cache_behavior" {
    for_each = ["/index.html", "/config.js"]
    content {
      path_pattern           = ordered_cache_behavior.value
      target_origin_id       = "miniapp-s3"
      viewer_protocol_policy = "https-only"
      allowed_methods        = ["GET", "HEAD"]
      cached_methods         = ["GET", "HEAD"]
      compress               = true
      cache_policy_id        = aws_cloudfront_cache_policy.miniapp_entry.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
