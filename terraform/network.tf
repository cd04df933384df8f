# One VPC per environment. Lambda, RDS Proxy and Aurora live in the private subnets; the
# functions reach Yahoo, LINE, Telegram and the AWS APIs through one NAT gateway (the reference
# system's incident: "private" subnets that routed to an internet gateway timed out). Traffic
# between the three tiers is allowed only tier to tier, on 3306.

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, var.availability_zone_count)
}

resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "${var.project}-${var.env}" }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
  tags   = { Name = "${var.project}-${var.env}" }
}

resource "aws_subnet" "public" {
  count             = length(local.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, count.index)
  tags              = { Name = "${var.project}-${var.env}-public-${local.azs[count.index]}", Tier = "public" }
}

resource "aws_subnet" "private" {
  count             = length(local.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index + 1)
  tags              = { Name = "${var.project}-${var.env}-private-${local.azs[count.index]}", Tier = "private" }
}

resource "aws_eip" "nat" {
  domain = "vpc"
  tags   = { Name = "${var.project}-${var.env}-nat" }
}

# One NAT gateway: the functions' outbound traffic is light (one Yahoo fetch per ticker a day,
# chat replies); an AZ outage pauses outbound calls, not the database.
resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public[0].id
  tags          = { Name = "${var.project}-${var.env}" }
  depends_on    = [aws_internet_gateway.main]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
  tags = { Name = "${var.project}-${var.env}-public" }
}

resource "aws_route_table_association" "public" {
  count          = length(aws_subnet.public)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }
  tags = { Name = "${var.project}-${var.env}-private" }
}

resource "aws_route_table_association" "private" {
  count          = length(aws_subnet.private)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

# --- Security groups: lambda -> proxy -> aurora, 3306 only ---------------------------------------

resource "aws_security_group" "lambda" {
  name        = "${var.project}-lambda-${var.env}"
  description = "Every DR Daily Report function: HTTPS out, MySQL to RDS Proxy only"
  vpc_id      = aws_vpc.main.id
  tags        = { Name = "${var.project}-lambda-${var.env}" }
}

resource "aws_vpc_security_group_egress_rule" "lambda_https" {
  security_group_id = aws_security_group.lambda.id
  description       = "HTTPS: Yahoo chart API, LINE and Telegram APIs, AWS APIs (Lambda, Step Functions) through the NAT gateway"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "lambda_to_proxy" {
  security_group_id            = aws_security_group.lambda.id
  description                  = "MySQL to RDS Proxy"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = aws_security_group.db_proxy.id
}

resource "aws_security_group" "db_proxy" {
  name        = "${var.project}-db-proxy-${var.env}"
  description = "RDS Proxy: MySQL from the functions, to Aurora"
  vpc_id      = aws_vpc.main.id
  tags        = { Name = "${var.project}-db-proxy-${var.env}" }
}

resource "aws_vpc_security_group_ingress_rule" "proxy_from_lambda" {
  security_group_id            = aws_security_group.db_proxy.id
  description                  = "MySQL from the functions"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = aws_security_group.lambda.id
}

resource "aws_vpc_security_group_egress_rule" "proxy_to_aurora" {
  security_group_id            = aws_security_group.db_proxy.id
  description                  = "MySQL to Aurora"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = aws_security_group.aurora.id
}

resource "aws_security_group" "aurora" {
  name        = "${var.project}-aurora-${var.env}"
  description = "Aurora MySQL: MySQL from RDS Proxy only"
  vpc_id      = aws_vpc.main.id
  tags        = { Name = "${var.project}-aurora-${var.env}" }
}

resource "aws_vpc_security_group_ingress_rule" "aurora_from_proxy" {
  security_group_id            = aws_security_group.aurora.id
  description                  = "MySQL from RDS Proxy"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = aws_security_group.db_proxy.id
}
