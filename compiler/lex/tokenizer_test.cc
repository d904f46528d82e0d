#include "compiler/lex/tokenizer.h"

#include <string>
#include <vector>

#include "compiler/lex/unicode.h"
#include "gtest/gtest.h"

namespace kiln::lex {
namespace {

struct Expected {
  TokenKind kind;
  std::string text;
  int line, col, end_line, end_col;
};

void ExpectTokens(std::string_view source, const std::vector<Expected>& expected) {
  TokenStream stream = Tokenize(source, {});
  ASSERT_FALSE(stream.error.has_value()) << stream.error->message;
  ASSERT_EQ(stream.tokens.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const Token& token = stream.tokens[i];
    EXPECT_EQ(token.kind, expected[i].kind) << "token " << i;
    EXPECT_EQ(std::string(token.text), expected[i].text) << "token " << i;
    EXPECT_EQ(token.line, expected[i].line) << "token " << i;
    EXPECT_EQ(token.col, expected[i].col) << "token " << i;
    EXPECT_EQ(token.end_line, expected[i].end_line) << "token " << i;
    EXPECT_EQ(token.end_col, expected[i].end_col) << "token " << i;
  }
}

TEST(TokenizerTest, SimpleStatement) {
  ExpectTokens("x = 1\n", {{TokenKind::kName, "x", 1, 0, 1, 1},
                           {TokenKind::kOp, "=", 1, 2, 1, 3},
                           {TokenKind::kNumber, "1", 1, 4, 1, 5},
                           {TokenKind::kNewline, "\n", 1, 5, 1, 6},
                           {TokenKind::kEndMarker, "", 1, 5, 1, 6}});
}

TEST(TokenizerTest, IndentDedentAndImplicitJoining) {
  TokenStream stream = Tokenize("if (a,\n  b):\n    pass\n", {});
  ASSERT_FALSE(stream.error.has_value());
  std::vector<TokenKind> kinds;
  for (const Token& token : stream.tokens) kinds.push_back(token.kind);
  std::vector<TokenKind> expected = {
      TokenKind::kName,    TokenKind::kOp,     TokenKind::kName,   TokenKind::kOp,
      TokenKind::kName,    TokenKind::kOp,     TokenKind::kOp,     TokenKind::kNewline,
      TokenKind::kIndent,  TokenKind::kName,   TokenKind::kNewline, TokenKind::kDedent,
      TokenKind::kEndMarker};
  EXPECT_EQ(kinds, expected);
}

TEST(TokenizerTest, ColumnsAreUtf8Bytes) {
  TokenStream stream = Tokenize("\xc3\xa9t\xc3\xa9 = 'caf\xc3\xa9'\n", {});
  ASSERT_FALSE(stream.error.has_value());
  EXPECT_EQ(stream.tokens[0].end_col, 5);  // "été" is 5 bytes
  EXPECT_EQ(stream.tokens[2].col, 8);
  EXPECT_EQ(stream.tokens[2].end_col, 15);
}

TEST(TokenizerTest, FStringIsOneStringToken) {
  TokenStream stream = Tokenize("f'{x!r:>{w}}' rb\"\\d\"\n", {});
  ASSERT_FALSE(stream.error.has_value());
  EXPECT_EQ(stream.tokens[0].kind, TokenKind::kString);
  EXPECT_EQ(stream.tokens[0].text, "f'{x!r:>{w}}'");
  EXPECT_EQ(stream.tokens[1].kind, TokenKind::kString);
}

TEST(TokenizerTest, UnterminatedStringReportsStartLine) {
  TokenStream stream = Tokenize("x = 1\ny = '''abc\n\n", {});
  ASSERT_TRUE(stream.error.has_value());
  EXPECT_EQ(stream.error->line, 2);
  EXPECT_EQ(stream.error->message,
            "unterminated triple-quoted string literal (detected at line 3)");
}

TEST(TokenizerTest, InconsistentTabs) {
  TokenStream stream = Tokenize("if x:\n\ta\n        b\n", {});
  ASSERT_TRUE(stream.error.has_value());
  EXPECT_EQ(stream.error->type, "TabError");
  EXPECT_EQ(stream.error->line, 3);
}

TEST(TokenizerTest, UnindentMismatch) {
  TokenStream stream = Tokenize("if x:\n    a\n  b\n", {});
  ASSERT_TRUE(stream.error.has_value());
  EXPECT_EQ(stream.error->message, "unindent does not match any outer indentation level");
  EXPECT_EQ(stream.error->line, 3);
}

TEST(TokenizerTest, NumberErrors) {
  EXPECT_EQ(Tokenize("x = 0777\n", {}).error->message,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
            "for octal integers");
  EXPECT_EQ(Tokenize("x = 1_\n", {}).error->message, "invalid decimal literal");
  EXPECT_EQ(Tokenize("x = 0x\n", {}).error->message, "invalid hexadecimal literal");
  EXPECT_EQ(Tokenize("x = 0o8\n", {}).error->message, "invalid digit '8' in octal literal");
  EXPECT_FALSE(Tokenize("x = 1if y else 2\n", {}).error.has_value());
}

TEST(TokenizerTest, BracketErrors) {
  EXPECT_EQ(Tokenize("x = 1)\n", {}).error->message, "unmatched ')'");
  EXPECT_EQ(Tokenize("f(\n  [1)\n", {}).error->message,
            "closing parenthesis ')' does not match opening parenthesis '['");
  EXPECT_EQ(Tokenize("f(\n  1]\n", {}).error->message,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
}

TEST(TokenizerTest, InvalidCharacter) {
  TokenStream stream = Tokenize("x = \xe2\x82\xac\n", {});
  ASSERT_TRUE(stream.error.has_value());
  EXPECT_EQ(stream.error->message, "invalid character '\xe2\x82\xac' (U+20AC)");
  EXPECT_EQ(stream.error->offset, 5);
}

TEST(TokenizerTest, CodingCookieDecodes) {
  TokenStream stream = Tokenize("# -*- coding: latin-1 -*-\nx = '\xe9'\n", {});
  ASSERT_FALSE(stream.error.has_value());
  EXPECT_EQ(stream.tokens[2].text, "'\xc3\xa9'");
  EXPECT_EQ(Tokenize("# coding: bogus\n", {}).error->message, "unknown encoding: bogus");
  EXPECT_EQ(Tokenize("\xef\xbb\xbf# coding: latin-1\n", {}).error->message,
            "encoding problem: iso-8859-1 with BOM");
}

TEST(TokenizerTest, NullBytesAreRejected) {
  TokenStream stream = Tokenize(std::string("x = 1\0\n", 7), {});
  ASSERT_TRUE(stream.error.has_value());
  EXPECT_EQ(stream.error->kind, LexErrorKind::kNullBytes);
}

TEST(UnicodeTest, IdentifiersAndNormalization) {
  EXPECT_TRUE(IsIdentifierStart(0x00E9));   // é
  EXPECT_FALSE(IsIdentifierStart(0x20AC));  // €
  EXPECT_TRUE(IsIdentifierContinue(0x0663));  // ARABIC-INDIC DIGIT THREE
  EXPECT_EQ(NormalizeIdentifier("\xef\xac\x81"), "fi");  // U+FB01 LATIN SMALL LIGATURE FI
  EXPECT_FALSE(IsPrintable(0x200B));  // ZERO WIDTH SPACE
  EXPECT_TRUE(IsPrintable(0x00E9));
}

TEST(TokenizerTest, DumpTokensLooksLikePythonTokenize) {
  std::string dump = DumpTokens("print(1)\n");
  EXPECT_NE(dump.find("1,0-1,5:            NAME           'print'"), std::string::npos) << dump;
}

}  // namespace
}  // namespace kiln::lex
