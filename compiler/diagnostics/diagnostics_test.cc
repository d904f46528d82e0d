#include "compiler/diagnostics/diagnostics.h"

#include "gtest/gtest.h"

namespace kiln::diagnostics {
namespace {

TEST(DiagnosticsTest, HeaderSourceLineAndCaret) {
  EXPECT_EQ(FormatError({"m.py", 3, 5, "invalid syntax", "x = = 1"}),
            "m.py:3:5: error: invalid syntax\n    x = = 1\n        ^\n");
}

TEST(DiagnosticsTest, CaretCountsCharactersNotBytes) {
  EXPECT_EQ(FormatError({"m.py", 1, 3, "bad", "\xc3\xa9\xc3\xa9!"}),
            "m.py:1:3: error: bad\n    \xc3\xa9\xc3\xa9!\n      ^\n");
}

TEST(DiagnosticsTest, NoLine) {
  EXPECT_EQ(FormatError({"m.py", 0, 0, "unknown encoding: bogus", ""}),
            "m.py: error: unknown encoding: bogus\n");
}

}  // namespace
}  // namespace kiln::diagnostics
