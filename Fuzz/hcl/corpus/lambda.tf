resource "aws_lambda_function" "api" {
  function_name = "${var.name}-api"
  role          = aws_iam_role.lambda.arn
  handler       = "handler.lambda_handler"
  runtime       = "python3.12"
  # tracing
  tracing_config { mode = "Active" }
  environment {
    variables = {
      TABLE = aws_dynamodb_table.t.name // table
      "KEY" : "v\t\u00e9\U0001F600 $${literal} %%{literal}"
    }
  }
  /* block
     comment */
  tags = local.tags
}

resource "aws_iam_role_policy" "p" {
  policy = <<-EOT
    {
      "Statement": [%{ for a in var.actions ~}
        "${a}",
      %{~ endfor }]
    }
  EOT
  arn = provider::aws::arn_parse(var.arn).account_id
  args = concat(var.a, var.b...)
  text = <<EOF
%{ if var.on }on%{ else }off%{ endif }
EOF
}
