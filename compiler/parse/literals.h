// Literal decoding for the parser: number tokens to ConstantValue (ints of any
// size as decimal text, floats, imaginary numbers) and the escape processing
// of string and bytes literal bodies, with CPython 3.11's error messages.
#ifndef KILN_COMPILER_PARSE_LITERALS_H_
#define KILN_COMPILER_PARSE_LITERALS_H_

#include <string>
#include <string_view>

#include "compiler/ast/arena.h"
#include "compiler/ast/ast.h"

namespace kiln::parse {

// Converts a NUMBER token's text (as the tokenizer accepted it).
ast::ConstantValue ParseNumber(std::string_view text, ast::Arena& arena);

// Decodes the escapes of a (non-raw) str literal body into UTF-8. Returns
// false and sets *error to CPython's message on a bad escape.
bool DecodeStrEscapes(std::string_view body, std::string* out, std::string* error);

// Decodes a bytes literal body (raw or not). Non-ASCII characters are an
// error ("bytes can only contain ASCII literal characters").
bool DecodeBytesLiteral(std::string_view body, bool raw, std::string* out, std::string* error);

}  // namespace kiln::parse

#endif  // KILN_COMPILER_PARSE_LITERALS_H_
