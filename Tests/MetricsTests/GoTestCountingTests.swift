import Testing
@testable import Metrics

private let goFile = #"""
package handler

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// func TestCommented(t *testing.T) { t.Fatal("no") }

/* func TestBlockCommented(t *testing.T) {
	t.Fatal("no")
} */

const doc = `
func TestInRawString(t *testing.T) {
	t.Error("no")
}
`

func helper(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("unexpected: %v", err.Error())
	}
}

func TestHandle(t *testing.T) {
	got, err := Handle("{}")
	require.NoError(t, err)
	assert.Equal(t, 200, got.Status)
	if got.Body == "" {
		t.Errorf("empty body: %s", "t.Error(")
	}
	r := '}'
	_ = r
}

func TestTableDriven(t *testing.T) {
	cases := []struct{ in string }{{"a"}, {"b"}}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if _, err := Handle(tc.in); err == nil {
				t.Fatal("want error")
			}
		})
	}
}

func TestNoAssertions(t *testing.T) {
	_ = errors.New("x").Error()
	t.Log("only logs")
}

func Testify(t *testing.T) {
	t.Error("not a test: lower-case after Test")
}

func BenchmarkHandle(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Handle("{}")
	}
}

func TestMain(m *testing.M) {
	m.Run()
}

func Test(t *testing.T) {
	a := assert.New(t)
	a.True(true)
}
"""#

@Test func goFileCountsTopLevelTestFunctions() throws {
    let file = try #require(TestFileAnalyzer().analyze(path: "handler/handler_test.go", text: goFile))
    #expect(file == TestFile(path: "handler/handler_test.go", framework: "go", kind: .unit, tests: 4, assertions: 6,
                             testsWithoutAssertions: ["TestNoAssertions", "Test"]))
}

@Test func goIntegrationFileByName() throws {
    let text = "package x\n\nimport \"testing\"\n\nfunc TestAPI(t *testing.T) {\n\tt.Fatal(\"down\")\n}\n"
    let file = try #require(TestFileAnalyzer().analyze(path: "api_integration_test.go", text: text))
    #expect(file == TestFile(path: "api_integration_test.go", framework: "go", kind: .integration, tests: 1, assertions: 1))
}
