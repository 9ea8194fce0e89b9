// The consumer build ran its tests (JUnit 5.10 and the README's quick start) and they passed.
[["CustomerCountTest", 2], ["QuickStartTest", 1]].each { name, count ->
  def report = new File(basedir, "target/surefire-reports/TEST-com.example.${name}.xml")
  assert report.isFile() : "no Surefire report for ${name}: the consumer's tests did not run"
  def text = report.text
  assert text.contains("tests=\"${count}\"") : text.take(400)
  assert text.contains('failures="0"') && text.contains('errors="0"') : text.take(400)
}
true
