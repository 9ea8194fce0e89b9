// The consumer build ran both tests and they passed.
def report = new File(basedir, "target/surefire-reports/TEST-com.example.CustomerCountTest.xml")
assert report.isFile() : "no Surefire report: the consumer's tests did not run"
def text = report.text
assert text.contains('tests="2"') : text.take(400)
assert text.contains('failures="0"') && text.contains('errors="0"') : text.take(400)
