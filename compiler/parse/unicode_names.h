// Unicode character names for "\N{NAME}" escapes in string literals
// (Unicode 14.0, as /usr/bin/python3.11 knows them; case-insensitive).
#ifndef KILN_COMPILER_PARSE_UNICODE_NAMES_H_
#define KILN_COMPILER_PARSE_UNICODE_NAMES_H_

#include <cstdint>
#include <string_view>

namespace kiln::parse {

// Returns the code point named `name`, or -1 if there is none.
int32_t LookupUnicodeName(std::string_view name);

}  // namespace kiln::parse

#endif  // KILN_COMPILER_PARSE_UNICODE_NAMES_H_
