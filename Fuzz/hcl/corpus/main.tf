terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

variable "name" {
  type    = string
  default = "api"
}

locals {
  tags   = merge(var.tags, { Name = "${var.name}-fn" })
  ids    = [for s in aws_subnet.private : s.id if s.map_public_ip_on_launch == false]
  by_az  = { for s in aws_subnet.private : s.availability_zone => s.id... }
  first  = aws_subnet.private[0].id
  legacy = aws_subnet.private.0.id
  all    = aws_subnet.private[*].id
  names  = var.users.*.name
  n      = -1.5e3 + 2 * (3 % 2) / 1
  ok     = !var.disabled && (var.count > 0 || var.count <= -1) ? "yes" : "no"
}
