// Unicode helpers for the front end: UTF-8 encoding and decoding, the
// identifier and printable-character properties Python 3.11 uses (Unicode
// 14.0, tables generated from /usr/bin/python3.11 by gen_unicode_tables.py),
// NFKC normalisation of identifiers, and the single-byte source codecs a
// PEP 263 coding cookie may name.
//
//   size_t pos = 0;
//   int32_t cp = kiln::lex::DecodeUtf8(text, &pos);  // -1 if malformed
#ifndef KILN_COMPILER_LEX_UNICODE_H_
#define KILN_COMPILER_LEX_UNICODE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kiln::lex {

// Decodes one UTF-8 sequence at text[*pos], advancing *pos. Returns the code
// point, or -1 (advancing by one byte) if the bytes are not valid UTF-8
// (overlong forms and surrogates are invalid, as in CPython's decoder).
int32_t DecodeUtf8(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of code_point (surrogates are encoded as-is).
void AppendUtf8(char32_t code_point, std::string* out);

// Returns the index of the first byte where text is not valid UTF-8, or
// std::string_view::npos if it is valid.
size_t FindInvalidUtf8(std::string_view text);

bool IsIdentifierStart(char32_t code_point);
bool IsIdentifierContinue(char32_t code_point);
// Python's str.isprintable() for one character.
bool IsPrintable(char32_t code_point);

// NFKC normalisation of an identifier as CPython applies it. ASCII input is
// returned unchanged.
std::string NormalizeIdentifier(std::string_view utf8);

// repr() of a Python str given as UTF-8 (3-byte encoded surrogates allowed).
std::string PythonStrRepr(std::string_view utf8);

// The quote repr() of a str or bytes uses: ' unless the text has ' and no ".
char ReprQuote(std::string_view text);
// Appends one byte as repr() shows it between `quote`s: \\, the quote, \t \n \r
// escaped, other bytes below 0x20 or from 0x7F up as \xNN.
void AppendReprAscii(unsigned char byte, char quote, std::string* out);

// Looks up a codec by a coding-cookie name (Python's alias rules). Returns
// the canonical name ("utf_8", "latin_1", "ascii", "cp1252", ...) or an empty
// string if the codec is unknown.
std::string LookupCodec(std::string_view name);

// Decodes bytes in the canonical codec `codec` to UTF-8. On failure returns
// false and sets *bad_position to the offending byte offset.
bool DecodeToUtf8(std::string_view codec, std::string_view bytes,
                  std::string* out, size_t* bad_position);

}  // namespace kiln::lex

#endif  // KILN_COMPILER_LEX_UNICODE_H_
