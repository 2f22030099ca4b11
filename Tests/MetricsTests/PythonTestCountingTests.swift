import Testing
@testable import Metrics

private let pytestFile = #"""
"""Tests for the order handler.

def test_in_docstring():
    assert False
"""
import json
import pytest

from handler import lambda_handler

# def test_commented_out():
#     assert True

HELPER_TEXT = "def test_in_string(): assert 1"
SQL = r'''
assert nothing here \'''
'''


def make_event(body):
    assert body is not None
    return {"body": json.dumps(body)}


def test_returns_200():
    response = lambda_handler(make_event({"id": 1}), None)
    assert response["statusCode"] == 200
    assert "id" in response["body"]
    assert response["body"] != "# not a comment"


@pytest.mark.parametrize(
    "order_id, expected",
    [(1, 200), (2, 404)],
)
def test_status_by_order(order_id, expected):
    assert lambda_handler(make_event({"id": order_id}), None)["statusCode"] == expected


async def test_async_handler():
    result = await run_async()
    assert result is True


def test_rejects_bad_json():
    with pytest.raises(ValueError):
        lambda_handler({"body": "{"}, None)


def test_logs_only():
    print(f"no assertion: {'assert'} in a string")


@pytest.mark.skip(reason="flaky")
def test_skipped():
    assert False


class TestValidation:
    def test_missing_id(self, mocker):
        logger = mocker.patch("handler.logger")
        lambda_handler(make_event({}), None)
        logger.error.assert_called_once()

    def helper(self):
        assert True

    def test_nothing_checked(self):
        def test_nested():
            pass
        value = 1 + \
            2


class Helpers:
    def test_not_collected(self):
        assert True


def test_one_liner(): assert 1 == 1
"""#

private let unittestFile = #"""
import unittest
from unittest import mock

import handler


class HandlerTest(unittest.TestCase):
    def setUp(self):
        self.client = mock.Mock()

    def test_get(self):
        self.assertEqual(handler.get(self.client), {"ok": True})
        self.client.get_item.assert_called_once_with(Key={"id": "1"})

    def test_put(self):
        with self.assertRaises(KeyError):
            handler.put(self.client, {})

    @unittest.skip("not ready")
    def test_delete(self):
        self.assertTrue(False)

    def test_noop(self):
        handler.noop()  # self.assertTrue(True)

    def helper_test(self):
        self.assertIsNone(None)


@unittest.skipIf(True, "platform")
class AsyncHandlerTest(unittest.IsolatedAsyncioTestCase):
	async def test_async_get(self):
		self.assertIn("ok", await handler.async_get())

	def testCamelCase(self):
		self.assertFalse(handler.failed)


@unittest.skip("whole class")
class SkippedTest(unittest.TestCase):
    def test_a(self):
        self.assertTrue(True)

    def test_b(self):
        pass


if __name__ == "__main__":
    unittest.main()
"""#

@Test func pytestFileCountsTestsAssertionsAndEmptyTests() throws {
    let file = try #require(TestFileAnalyzer().analyze(path: "tests/test_handler.py", text: pytestFile))
    #expect(file == TestFile(path: "tests/test_handler.py", framework: "pytest", kind: .unit, tests: 8, assertions: 12,
                             testsWithoutAssertions: ["test_logs_only", "test_nothing_checked"], skippedTests: 1))
}

@Test func unittestFileCountsTestCaseMethodsOnly() throws {
    let file = try #require(TestFileAnalyzer().analyze(path: "tests/integration/test_dynamo.py", text: unittestFile))
    #expect(file == TestFile(path: "tests/integration/test_dynamo.py", framework: "unittest", kind: .integration, tests: 5,
                             assertions: 8, testsWithoutAssertions: ["test_noop"], skippedTests: 3))
}

@Test func unittestClassesInAFileThatImportsPytestArePytest() throws {
    let text = "import pytest\nimport unittest\n\nclass T(unittest.TestCase):\n    def test_x(self):\n        self.assertTrue(1)\n"
    let file = try #require(TestFileAnalyzer().analyze(path: "test_mixed.py", text: text))
    #expect(file.framework == "pytest")
    #expect(file.tests == 1)
    #expect(file.assertions == 1)
}

@Test func pythonTestFileNames() {
    let analyzer = TestFileAnalyzer()
    #expect(analyzer.language(ofPath: "tests/test_handler.py") == .python)
    #expect(analyzer.language(ofPath: "handler_test.py") == .python)
    #expect(analyzer.language(ofPath: "app/tests.py") == .python)
    #expect(analyzer.language(ofPath: "tests/conftest.py") == nil)
    #expect(analyzer.language(ofPath: "tests/testing_utils.py") == nil)
    #expect(analyzer.language(ofPath: "lambda/handler.py") == nil)
    #expect(analyzer.analyze(path: "lambda/handler.py", text: "def test_x():\n    assert 1\n") == nil)
}

@Test func unterminatedPythonStringsEndTheScan() throws {
    let text = "def test_a():\n    assert 1\n\ndef test_b():\n    x = \"\"\"never closed\n    assert 2\n"
    let file = try #require(TestFileAnalyzer().analyze(path: "test_broken.py", text: text))
    #expect(file.tests == 2)
    #expect(file.assertions == 1)
    #expect(file.testsWithoutAssertions == ["test_b"])
}
