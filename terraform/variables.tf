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

data "aws_caller_identity" "current" {}
