import Testing
@testable import Metrics

private let jestFile = #"""
import { handler, handlerSync, map } from '../lib/handler';

// it('commented out', () => { expect(1).toBe(1); });
/*
test('block commented', () => {
  expect(true).toBe(true);
});
*/

const pattern = /it\('not a test'\)/g;
const template = `test('in a template', () => expect(${1 + 1}).toBe(2))`;

jest.mock('../lib/aws');

function expectOk(response: { statusCode: number }) {
  expect(response.statusCode).toBe(200);
}

describe('handler', () => {
  beforeEach(() => {
    jest.resetAllMocks();
  });

  describe('GET', () => {
    it('returns the item', async () => {
      const response = await handler({ httpMethod: 'GET' });
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ id: '1' });
    });

    it.each([
      ['a', 1],
      ['b', 2],
    ])('maps %s to %d', (input, output) => {
      expect(map(input)).toBe(output);
    });

    test.each`
      method    | status
      ${'PUT'}  | ${405}
    `('rejects $method', ({ method, status }) => {
      expect(handlerSync(method).statusCode).toBe(status);
    });
  });

  it.skip('is not ready', () => {
    expect(true).toBe(false);
  });

  test.todo('handles pagination');

  describe.skip('DELETE', () => {
    it('deletes', () => {
      expect(1).toBe(1);
    });
  });

  test('uses a helper only', () => {
    expectOk(handlerSync('GET'));
  });

  it(`handles ${'template'} names`, () => {
    if (pattern.test('x')) {
      expect(template).toContain("it('");
    }
  });

  test.only('focused', () => {
    const divided = 10 / 2 / 5;
    expect(divided).toBe(1);
  });
});
"""#

private let vitestFile = #"""
import { describe, it, expect, vi } from 'vitest';
import { render } from './render';

describe('render', () => {
  it('renders a title', () => {
    expect(render('x')).toContain('<h1>');
    expect(render('x')).toMatchSnapshot();
  });

  it.concurrent('renders concurrently', async () => {
    await expect(renderAsync('y')).resolves.toBe('y');
  });

  it.todo('renders markdown');

  test('is imported implicitly', () => {
    const spy = vi.fn();
    spy();
    expect(spy).toHaveBeenCalledOnce();
  });

  it('mentions expect( only in a string', () => {
    const note = "expect(this) is not a call";
    console.log(note);
  });
});
"""#

private let mochaFile = #"""
'use strict';
const assert = require('node:assert');
const { expect } = require('chai');
require('should');

const store = require('../lib/store');

describe('store', function () {
  before(function () {
    this.timeout(5000);
  });

  context('put', function () {
    it('stores a value', function () {
      store.put('k', 'v');
      assert.strictEqual(store.get('k'), 'v');
    });

    it('rejects empty keys', function () {
      assert.throws(() => store.put('', 'v'), /empty key/);
    });

    specify('reports size', function () {
      expect(store.size()).to.equal(1);
      store.keys().should.have.length(1);
    });
  });

  xit('is pending', function () {
    assert(false);
  });

  it('has no assertion', function (done) {
    store.flush(done);
  });
});
"""#

@Test func jestFileCountsCasesAndSkipsDecoys() throws {
    let file = try #require(TestFileAnalyzer().analyze(path: "test/handler.test.ts", text: jestFile))
    #expect(file == TestFile(path: "test/handler.test.ts", framework: "jest", kind: .unit, tests: 6, assertions: 9,
                             testsWithoutAssertions: ["uses a helper only"], skippedTests: 3))
}

@Test func vitestFileIsRecognisedByItsImport() throws {
    let file = try #require(TestFileAnalyzer().analyze(path: "src/components/render.spec.ts", text: vitestFile))
    #expect(file == TestFile(path: "src/components/render.spec.ts", framework: "vitest", kind: .unit, tests: 4,
                             assertions: 4, testsWithoutAssertions: ["mentions expect( only in a string"], skippedTests: 1))
}

@Test func mochaFileUnderTestFolderCountsChaiAssertAndShould() throws {
    let file = try #require(TestFileAnalyzer().analyze(path: "test/e2e/store.js", text: mochaFile))
    #expect(file == TestFile(path: "test/e2e/store.js", framework: "mocha", kind: .integration, tests: 4, assertions: 5,
                             testsWithoutAssertions: ["has no assertion"], skippedTests: 1))
}

@Test func templateNamesKeepTheirSubstitutionText() throws {
    let text = "it(`handles ${'template'} names`, () => {});\ntest(name, () => {});\n"
    let file = try #require(TestFileAnalyzer().analyze(path: "a.test.js", text: text))
    #expect(file.testsWithoutAssertions == ["handles ${'template'} names", "line 2"])
}

@Test func helperModulesUnderTestFoldersAreNotTestFiles() {
    let analyzer = TestFileAnalyzer()
    #expect(analyzer.analyze(path: "test/terraform-utils.ts", text: "export function name(x: string) { return x.test(/a/); }\n") == nil)
    #expect(analyzer.analyze(path: "test/types.d.ts", text: "declare function it(name: string): void;\n") == nil)
    #expect(analyzer.analyze(path: "lib/handler.ts", text: "it('x', () => expect(1).toBe(1));\n") == nil)
    #expect(analyzer.analyze(path: "lib/__tests__/handler.ts", text: "it('x', () => expect(1).toBe(1));\n")?.tests == 1)
    #expect(analyzer.analyze(path: "lib/empty.test.ts", text: "// nothing yet\n")?.tests == 0)
}

@Test func memberCallsAndDeclarationsNamedTestAreNotCases() throws {
    let text = """
    function test(name, fn) { return fn(); }
    const ok = /a+/.test('aaa');
    const it = items[0];
    it.done();
    expect.assertions(1);
    result.expect(1);
    it('real', () => { assert.ok(ok); });

    """
    let file = try #require(TestFileAnalyzer().analyze(path: "x.spec.js", text: text))
    #expect(file.tests == 1)
    #expect(file.assertions == 1)
    #expect(file.framework == "jest")
}

@Test func vitestRunTimeConditionsStillCount() throws {
    let text = """
    import { it, expect } from 'vitest';
    it.skipIf(process.platform === 'win32')('posix paths', () => { expect(sep).toBe('/'); });
    it.runIf(ci).each([1, 2])('case %i', (n) => { expect(n).toBeGreaterThan(0); });
    it.skipIf(ci).skip('off', () => {});

    """
    let file = try #require(TestFileAnalyzer().analyze(path: "paths.test.ts", text: text))
    #expect(file == TestFile(path: "paths.test.ts", framework: "vitest", kind: .unit, tests: 2, assertions: 2, skippedTests: 1))
}
