resource "a" "b" {
  x = [1, 2
  y = "unterminated
  z = ${
}
resource x {
