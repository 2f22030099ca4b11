variable "names" { default = ["a", "b"] }
locals {
  tags = merge({ Name = "x" }, { for n in var.names : n => upper(n) })
  loop = local.loop2
  loop2 = local.loop
}
module "child" {
  source = "./child"
  count  = 2
  x      = count.index
}
resource "aws_iam_policy" "p" {
  for_each = toset(var.names)
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:${each.key}" }] })
}
data "aws_iam_policy_document" "d" {
  dynamic "statement" {
    for_each = var.names
    content { actions = [statement.value] }
  }
}
output "o" { value = templatefile("doc.tpl", { x = yamldecode("a: [1, {b: c}]") }) }
