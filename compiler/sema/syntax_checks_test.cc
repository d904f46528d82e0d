#include "compiler/sema/syntax_checks.h"

#include <optional>
#include <string>
#include <string_view>

#include "compiler/ast/arena.h"
#include "compiler/parse/parser.h"
#include "compiler/sema/scopes.h"
#include "gtest/gtest.h"

namespace kiln::sema {
namespace {

// Parses and analyses `source` (which must be free of parser and symtable errors), then
// runs CheckSyntax.
std::optional<ScopeError> Check(std::string_view source) {
  ast::Arena arena;
  parse::ParseResult parsed = parse::ParseFile("f.py", source, arena);
  EXPECT_TRUE(parsed.ok()) << parsed.error.message;
  if (!parsed.ok()) return std::nullopt;
  ScopeTree tree;
  std::optional<ScopeError> symtable_error = AnalyzeScopes(parsed.module, &tree);
  EXPECT_FALSE(symtable_error.has_value()) << symtable_error->message;
  if (symtable_error) return std::nullopt;
  return CheckSyntax(parsed.module, tree);
}

// `col` is CPython's SyntaxError.offset - 1 (a 0-based byte offset, as the AST's); a
// line and column of -1 are where CPython reports no location.
void ExpectError(std::string_view source, const std::string& message, int line, int col) {
  SCOPED_TRACE(std::string(source));
  std::optional<ScopeError> error = Check(source);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message, message);
  EXPECT_EQ(error->line, line);
  EXPECT_EQ(error->col, col);
  EXPECT_EQ(error->type, "SyntaxError");
}

std::string Names(int count) {
  std::string names;
  for (int i = 0; i < count; ++i) names += "a" + std::to_string(i) + ", ";
  return names;
}

// Every expected message, line and column below is what /usr/bin/python3.11 reports for
//   compile(source, "f.py", "exec")
// (SyntaxError.msg, .lineno, .offset - 1).

TEST(CheckSyntaxTest, ReturnOutsideFunction) {
  ExpectError("x = 1\nreturn x\n",
              "'return' outside function", 2, 0);
  ExpectError("class C:\n    return\n",
              "'return' outside function", 2, 4);
}

TEST(CheckSyntaxTest, ReturnWithValueInAsyncGenerator) {
  // The second: an await anywhere in a def makes CPython's symtable call it a coroutine.
  ExpectError("async def f():\n    yield 1\n    return None\n",
              "'return' with value in async generator", 3, 4);
  ExpectError("def f():\n    yield 1\n    return 2\n    await x\n",
              "'return' with value in async generator", 3, 4);
}

TEST(CheckSyntaxTest, BreakOutsideLoop) {
  ExpectError("for x in y:\n    pass\nelse:\n    break\n",
              "'break' outside loop", 4, 4);
  ExpectError("with a:\n    break\n",
              "'break' outside loop", 2, 4);
  ExpectError("while x:\n    def f():\n        break\n",
              "'break' outside loop", 3, 8);
}

TEST(CheckSyntaxTest, ContinueNotProperlyInLoop) {
  ExpectError("while x:\n    class C:\n        continue\n",
              "'continue' not properly in loop", 3, 8);
}

// Reported where the compiler's location is after leaving the inner blocks: a constant
// return value's own column; no location (-1) after leaving a with block.
TEST(CheckSyntaxTest, LeavingExceptStar) {
  ExpectError("for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
              "'break', 'continue' and 'return' cannot appear in an except* block", 5, 8);
  ExpectError("def f():\n    try:\n        pass\n    except* E:\n        return -1\n",
              "'break', 'continue' and 'return' cannot appear in an except* block", 5, 15);
  ExpectError("def f():\n    try:\n        pass\n    except* E:\n        return   x\n",
              "'break', 'continue' and 'return' cannot appear in an except* block", 5, 8);
  ExpectError("def f():\n"
              "    try:\n"
              "        pass\n"
              "    except* E:\n"
              "        with a:\n"
              "            return\n",
              "'break', 'continue' and 'return' cannot appear in an except* block", -1, -1);
  ExpectError("for x in y:\n"
              "    try:\n"
              "        pass\n"
              "    except* E:\n"
              "        try:\n"
              "            pass\n"
              "        finally:\n"
              "            continue\n",
              "'break', 'continue' and 'return' cannot appear in an except* block", 8, 12);
}

// compiler_return moves the location to a value that CPython's AST optimizer folds into a
// constant (column 17 here), and leaves it at the statement (column 8) otherwise.
TEST(CheckSyntaxTest, LeavingExceptStarAtFoldedReturnValue) {
  struct Case {
    const char* value;
    int col;
  };
  const Case cases[] = {
      {"0 ** 2", 17},
      {"0 ** -1", 8},
      {"1 << -1", 8},
      {"1 << 3", 17},
      {"-1 ** 2", 17},
      {"\"a\" * 3", 17},
      {"\"%s\" % 1", 8},
      {"~True", 17},
      {"not x", 8},
      {"not 1", 17},
      {"(1, x)", 8},
      {"(1, (2, 3))", 17},
      {"1 if 1 else 2", 8},
      {"\"abc\"[1]", 17},
      {"2 ** -1", 17},
      {"0.0 ** -1", 8},
      {"1 // 0.0", 8},
      {"None", 17},
      {"...", 17},
      {"b\"x\" + b\"y\"", 17},
      {"(1,) * 2", 17},
      {"1.5 % 0", 8},
      {"2 & 3", 17},
      {"__debug__", 17},
      {"x.y", 8},
      {"-(1 + 2j)", 17},
  };
  for (const Case& c : cases) {
    ExpectError(std::string("def f():\n    try:\n        pass\n    except* E:\n        return   ") +
                    c.value + "\n",
                "'break', 'continue' and 'return' cannot appear in an except* block", 5, c.col);
  }
}

TEST(CheckSyntaxTest, AwaitOutsideFunction) {
  ExpectError("x = 1\nawait x\n",
              "'await' outside function", 2, 0);
  ExpectError("async def f():\n    class C:\n        x = await y\n",
              "'await' outside function", 3, 12);
}

TEST(CheckSyntaxTest, AwaitOutsideAsyncFunction) {
  ExpectError("def f():\n    return await x\n",
              "'await' outside async function", 2, 11);
  ExpectError("async def f():\n    return lambda: await x\n",
              "'await' outside async function", 2, 19);
}

TEST(CheckSyntaxTest, AsyncWithOutsideAsyncFunction) {
  ExpectError("def f():\n    async with x:\n        pass\n",
              "'async with' outside async function", 2, 4);
}

TEST(CheckSyntaxTest, AsyncForOutsideAsyncFunction) {
  ExpectError("async def f():\n    def g():\n        async for x in y:\n            pass\n",
              "'async for' outside async function", 3, 8);
}

TEST(CheckSyntaxTest, YieldOutsideFunction) {
  ExpectError("x = yield (yield)\n",
              "'yield' outside function", 1, 4);
  ExpectError("class C:\n    yield from x\n",
              "'yield' outside function", 2, 4);
}

TEST(CheckSyntaxTest, YieldFromInsideAsyncFunction) {
  ExpectError("async def f():\n    yield from x\n",
              "'yield from' inside async function", 2, 4);
}

TEST(CheckSyntaxTest, AsynchronousComprehensionOutsideAsyncFunction) {
  ExpectError("def f():\n    return [x async for x in y]\n",
              "asynchronous comprehension outside of an asynchronous function", 2, 11);
  ExpectError("a = [[x async for x in y] for z in w]\n",
              "asynchronous comprehension outside of an asynchronous function", 1, 4);
  ExpectError("def f():\n    return {k: await v for k in w}\n",
              "asynchronous comprehension outside of an asynchronous function", 2, 11);
}

TEST(CheckSyntaxTest, CantUseStarredExpressionHere) {
  ExpectError("x = *a\n",
              "can't use starred expression here", 1, 4);
  ExpectError("for x in *a:\n    pass\n",
              "can't use starred expression here", 1, 9);
  ExpectError("x[*a]: int\n",
              "can't use starred expression here", 1, 2);
}

// At the list or tuple, not at the second star.
TEST(CheckSyntaxTest, MultipleStarredExpressionsInAssignment) {
  ExpectError("a, *b, *c = d\n",
              "multiple starred expressions in assignment", 1, 0);
  ExpectError("x = [a, *b, (c, *d, *e)] = f\n",
              "multiple starred expressions in assignment", 1, 12);
}

TEST(CheckSyntaxTest, StarredAssignmentTargetMustBeInListOrTuple) {
  ExpectError("*a = b\n",
              "starred assignment target must be in a list or tuple", 1, 0);
  ExpectError("with x as *a:\n    pass\n",
              "starred assignment target must be in a list or tuple", 1, 10);
}

TEST(CheckSyntaxTest, LateFutureImport) {
  ExpectError("import os\nfrom __future__ import annotations\n",
              "from __future__ imports must occur at the beginning of the file", 2, 0);
  ExpectError("def f():\n    from __future__ import annotations\n",
              "from __future__ imports must occur at the beginning of the file", 2, 4);
}

TEST(CheckSyntaxTest, DefaultExceptMustBeLast) {
  ExpectError("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
              "default 'except:' must be last", 3, 0);
}

TEST(CheckSyntaxTest, KeywordArgumentRepeated) {
  ExpectError("f(a=1, b=2, a=3)\n",
              "keyword argument repeated: a", 1, 12);
  ExpectError("class C(metaclass=M, metaclass=N):\n    pass\n",
              "keyword argument repeated: metaclass", 1, 21);
}

TEST(CheckSyntaxTest, CannotAssignToDebug) {
  ExpectError("__debug__ = 1\n",
              "cannot assign to __debug__", 1, 0);
  ExpectError("def f(a, *, __debug__):\n    pass\n",
              "cannot assign to __debug__", 1, 0);
  ExpectError("import a.b as __debug__\n",
              "cannot assign to __debug__", 1, 0);
  ExpectError("f(x, __debug__=1)\n",
              "cannot assign to __debug__", 1, 0);
  ExpectError("y = (x\n  ).__debug__ = 1\n",
              "cannot assign to __debug__", 2, 4);
}

TEST(CheckSyntaxTest, CannotDeleteDebug) {
  ExpectError("del x, __debug__\n",
              "cannot delete __debug__", 1, 7);
}

// A name stored after a sub-pattern is reported where the last pattern compiled is.
TEST(CheckSyntaxTest, MultipleAssignmentsInPattern) {
  ExpectError("match x:\n    case [a, a]:\n        pass\n",
              "multiple assignments to name 'a' in pattern", 2, 13);
  ExpectError("match x:\n    case [a, ([b, c] as a)]:\n        pass\n",
              "multiple assignments to name 'a' in pattern", 2, 18);
  ExpectError("match x:\n    case {1: a, 2: b, **a}:\n        pass\n",
              "multiple assignments to name 'a' in pattern", 2, 19);
}

TEST(CheckSyntaxTest, MultipleStarredNamesInSequencePattern) {
  ExpectError("match x:\n    case [a, a, *b, *c]:\n        pass\n",
              "multiple starred names in sequence pattern", 2, 9);
}

// At the last pattern compiled in the alternative (wildcards after a `*_` are skipped).
TEST(CheckSyntaxTest, AlternativePatternsBindDifferentNames) {
  ExpectError("match x:\n    case [a] | [b]:\n        pass\n",
              "alternative patterns bind different names", 2, 16);
  ExpectError("match x:\n    case [a, _, *_] | [b, _, *_]:\n        pass\n",
              "alternative patterns bind different names", 2, 23);
}

TEST(CheckSyntaxTest, NameCaptureMakesRemainingPatternsUnreachable) {
  ExpectError("match x:\n    case a:\n        pass\n    case 1:\n        pass\n",
              "name capture 'a' makes remaining patterns unreachable", 2, 9);
  ExpectError("match x:\n    case a | b if a:\n        pass\n",
              "name capture 'a' makes remaining patterns unreachable", 2, 9);
}

TEST(CheckSyntaxTest, WildcardMakesRemainingPatternsUnreachable) {
  ExpectError("match x:\n    case [1] | _:\n        pass\n    case 2:\n        pass\n",
              "wildcard makes remaining patterns unreachable", 2, 15);
}

// Keys compare as Python values (1 == 1.0 == True == 1-0j) and show their repr, at the
// mapping pattern.
TEST(CheckSyntaxTest, MappingPatternDuplicateKey) {
  ExpectError("match x:\n    case {1: a, 1.0: b}:\n        pass\n",
              "mapping pattern checks duplicate key (1.0)", 2, 9);
  ExpectError("match x:\n    case {True: a, 1: b}:\n        pass\n",
              "mapping pattern checks duplicate key (1)", 2, 9);
  ExpectError("match x:\n    case {'a': a, \"a\": b}:\n        pass\n",
              "mapping pattern checks duplicate key ('a')", 2, 9);
  ExpectError("match x:\n    case {-1: a, -1: b}:\n        pass\n",
              "mapping pattern checks duplicate key (-1)", 2, 9);
  ExpectError("match x:\n    case {1: a, 1-0j: b}:\n        pass\n",
              "mapping pattern checks duplicate key ((1+0j))", 2, 9);
  ExpectError("match x:\n    case {-1.5-2j: a, -1.5-2j: b}:\n        pass\n",
              "mapping pattern checks duplicate key ((-1.5-2j))", 2, 9);
  ExpectError("match x:\n    case {100000000000000000000: a, 1e20: b}:\n        pass\n",
              "mapping pattern checks duplicate key (1e+20)", 2, 9);
  ExpectError("match x:\n    case {b'x': a, b'x': b}:\n        pass\n",
              "mapping pattern checks duplicate key (b'x')", 2, 9);
  ExpectError("match x:\n    case {None: a, None: b}:\n        pass\n",
              "mapping pattern checks duplicate key (None)", 2, 9);
}

// The first name that is repeated later, at the later one's pattern.
TEST(CheckSyntaxTest, AttributeNameRepeatedInClassPattern) {
  ExpectError("match x:\n    case C(a=1, b=2, b=3, a=4):\n        pass\n",
              "attribute name repeated in class pattern: a", 2, 28);
}

// Of several errors, the first in CPython's compile order.
TEST(CheckSyntaxTest, OrderFinallyBodyAtReturn) {
  ExpectError("def f():\n    try:\n        return\n        x = *a\n    finally:\n        y = *b\n",
              "can't use starred expression here", 6, 12);
}

TEST(CheckSyntaxTest, OrderTryElseBeforeHandlers) {
  ExpectError("try:\n    pass\nexcept E:\n    x = *a\nelse:\n    y = *b\n",
              "can't use starred expression here", 6, 8);
}

TEST(CheckSyntaxTest, OrderTryStarHandlersBeforeElse) {
  ExpectError("try:\n    pass\nexcept* E:\n    x = *a\nelse:\n    y = *b\n",
              "can't use starred expression here", 4, 8);
}

TEST(CheckSyntaxTest, OrderClassBodyBeforeBases) {
  ExpectError("class C((yield)):\n    x = *a\n",
              "can't use starred expression here", 2, 8);
}

TEST(CheckSyntaxTest, OrderKeywordsCheckedBeforeCallee) {
  ExpectError("(yield)(a=1, a=2)\n",
              "keyword argument repeated: a", 1, 13);
}

TEST(CheckSyntaxTest, OrderDecoratorsBeforeDefaults) {
  ExpectError("@(yield)\ndef f(x=(await y)):\n    pass\n",
              "'yield' outside function", 1, 2);
}

TEST(CheckSyntaxTest, OrderAnnotationsPositionalBeforePositionalOnly) {
  ExpectError("def f(a: (yield), /, b: (await x)):\n    pass\n",
              "'await' outside function", 1, 25);
}

TEST(CheckSyntaxTest, OrderComprehensionBeforeOutermostIterable) {
  ExpectError("x = [(lambda: await b) for a in (yield)]\n",
              "'await' outside async function", 1, 14);
}

TEST(CheckSyntaxTest, TooManyStaticallyNestedBlocks) {
  std::string loops;
  for (int i = 0; i < 21; ++i) loops += std::string(i, ' ') + "for x in y:\n";
  ExpectError(loops + std::string(21, ' ') + "pass\n", "too many statically nested blocks", 21, 20);

  std::string items;
  for (int i = 0; i < 21; ++i) items += (i ? ", a" : "a") + std::to_string(i);
  ExpectError("with " + items + ":\n    pass\n", "too many statically nested blocks", 1, 0);

  // The finally body is compiled a second time one block deeper (for the exceptional
  // path), where its loop is the 21st block.
  std::string nested;
  for (int i = 0; i < 19; ++i) nested += std::string(i, ' ') + "while x:\n";
  nested += std::string(19, ' ') + "try:\n" + std::string(20, ' ') + "pass\n" +
            std::string(19, ' ') + "finally:\n" + std::string(20, ' ') + "while y:\n" +
            std::string(21, ' ') + "pass\n";
  ExpectError(nested, "too many statically nested blocks", 23, 20);
}

TEST(CheckSyntaxTest, TooManyExpressionsInStarUnpacking) {
  ExpectError(Names(256) + "*b = c\n", "too many expressions in star-unpacking assignment", 1, 0);
  ExpectError("match x:\n    case [" + Names(256) + "*b]:\n        pass\n",
              "too many expressions in star-unpacking sequence pattern", 2, 9);
}

// Each of these compiles under /usr/bin/python3.11: the edges of the rules above.
TEST(CheckSyntaxTest, AcceptsWhatCPythonCompiles) {
  const char* sources[] = {
      "def f():\n    return 1\n",
      "async def f():\n    await x\n    yield 1\n    return\n",
      "for x in y:\n    try:\n        continue\n    finally:\n        break\n",
      "try:\n    pass\nexcept* E:\n    for x in y:\n        break\n",
      "def f():\n    return (x async for x in y)\n",
      "async def f():\n    return [[x async for x in y] for z in w]\n",
      "def f():\n    return ([x async for x in y] for z in w)\n",
      "class C:\n    g = (await x for y in z)\n",
      "print(*a, *b, **c)\n",
      "a[*b] = 1\n",
      "x = {*a, *b}\n",
      "def f(*args: *Ts):\n    pass\n",
      "def f():\n    x: (await y) = 1\n    z: [*a]\n",
      "from __future__ import annotations\ndef f(a: [*b]):\n    pass\nx: [*c]\n",
      "'''doc'''\nfrom __future__ import annotations\n",
      "x.__debug__ += 1\ndel x.__debug__\nf(**__debug__)\nx[__debug__] = 1\n",
      "match x:\n"
      "    case [a, *_] | [a, *_]:\n"
      "        pass\n"
      "    case {1: a, 2: b, **c}:\n"
      "        pass\n"
      "    case C(a, b=c) if a:\n"
      "        pass\n"
      "    case _:\n"
      "        pass\n",
      "match x:\n    case {a.b: a, a.b: b}:\n        pass\n",
      "match x:\n    case a if a:\n        pass\n    case 1:\n        pass\n",
      "match x:\n    case (1 | 2) as c:\n        pass\n",
  };
  for (const char* source : sources) {
    SCOPED_TRACE(source);
    std::optional<ScopeError> error = Check(source);
    EXPECT_FALSE(error.has_value()) << error->message << " at " << error->line << ":" << error->col;
  }
  // At the limits, not over them.
  EXPECT_FALSE(Check(Names(255) + "*b = c\n").has_value());
  EXPECT_FALSE(Check("match x:\n    case [" + Names(256) + "*_]:\n        pass\n").has_value());
  std::string items;
  for (int i = 0; i < 20; ++i) items += (i ? ", a" : "a") + std::to_string(i);
  EXPECT_FALSE(Check("with " + items + ":\n    pass\n").has_value());
}

}  // namespace
}  // namespace kiln::sema
