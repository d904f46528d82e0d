#include "compiler/parse/literals.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "absl/strings/str_format.h"
#include "compiler/lex/unicode.h"
#include "compiler/parse/unicode_names.h"

namespace kiln::parse {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Converts digits in `base` to decimal text (arbitrary precision).
std::string ToDecimal(std::string_view digits, int base) {
  std::vector<uint32_t> limbs;  // little-endian base 1e9
  for (char c : digits) {
    if (c == '_') continue;
    uint64_t carry = static_cast<uint64_t>(HexValue(c));
    for (uint32_t& limb : limbs) {
      uint64_t value = static_cast<uint64_t>(limb) * base + carry;
      limb = static_cast<uint32_t>(value % 1000000000u);
      carry = value / 1000000000u;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = absl::StrFormat("%u", limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) absl::StrAppendFormat(&out, "%09u", limbs[i]);
  return out;
}

}  // namespace

ast::ConstantValue ParseNumber(std::string_view text, ast::Arena& arena) {
  ast::ConstantValue value;
  std::string clean;
  for (char c : text) {
    if (c != '_') clean.push_back(c);
  }
  char last = clean.empty() ? '0' : clean.back();
  if (last == 'j' || last == 'J') {
    value.type = ast::ConstantValue::Type::kComplex;
    clean.pop_back();
    value.number = std::strtod(clean.c_str(), nullptr);
    return value;
  }
  if (clean.size() > 1 && clean[0] == '0' &&
      (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' || clean[1] == 'O' ||
       clean[1] == 'b' || clean[1] == 'B')) {
    int base = (clean[1] == 'x' || clean[1] == 'X') ? 16 : (clean[1] == 'o' || clean[1] == 'O') ? 8 : 2;
    value.type = ast::ConstantValue::Type::kInt;
    value.text = arena.CopyString(ToDecimal(std::string_view(clean).substr(2), base));
    return value;
  }
  if (clean.find_first_of(".eE") != std::string::npos) {
    value.type = ast::ConstantValue::Type::kFloat;
    value.number = std::strtod(clean.c_str(), nullptr);
    return value;
  }
  value.type = ast::ConstantValue::Type::kInt;
  size_t first = clean.find_first_not_of('0');
  value.text = arena.CopyString(first == std::string::npos ? std::string("0") : clean.substr(first));
  return value;
}

bool DecodeStrEscapes(std::string_view body, std::string* out, std::string* error) {
  out->clear();
  out->reserve(body.size());
  size_t i = 0;
  // Positions in CPython's messages count characters of the literal body.
  auto char_index = [&](size_t byte_index) {
    int count = 0;
    for (size_t k = 0; k < byte_index; ++k) {
      if ((static_cast<unsigned char>(body[k]) & 0xC0) != 0x80) ++count;
    }
    return count;
  };
  while (i < body.size()) {
    char c = body[i];
    if (c != '\\') {
      out->push_back(c);
      ++i;
      continue;
    }
    size_t escape_start = i;
    if (i + 1 >= body.size()) {
      *error = absl::StrFormat(
          "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %d: "
          "\\ at end of string",
          char_index(escape_start));
      return false;
    }
    char next = body[i + 1];
    i += 2;
    switch (next) {
      case '\n': break;
      case '\\': out->push_back('\\'); break;
      case '\'': out->push_back('\''); break;
      case '"': out->push_back('"'); break;
      case 'a': out->push_back('\a'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'v': out->push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int value = next - '0';
        for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k) {
          value = value * 8 + (body[i] - '0');
          ++i;
        }
        lex::AppendUtf8(static_cast<char32_t>(value), out);
        break;
      }
      case 'x': case 'u': case 'U': {
        int count = next == 'x' ? 2 : next == 'u' ? 4 : 8;
        uint32_t value = 0;
        int k = 0;
        for (; k < count && i < body.size() && HexValue(body[i]) >= 0; ++k, ++i) {
          value = value * 16 + static_cast<uint32_t>(HexValue(body[i]));
        }
        if (k < count) {
          *error = absl::StrFormat(
              "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
              "truncated \\%c%s escape",
              char_index(escape_start), char_index(i) - 1, next,
              next == 'x' ? "XX" : next == 'u' ? "XXXX" : "XXXXXXXX");
          return false;
        }
        if (value > 0x10FFFF) {
          *error = absl::StrFormat(
              "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
              "illegal Unicode character",
              char_index(escape_start), char_index(i) - 1);
          return false;
        }
        lex::AppendUtf8(value, out);
        break;
      }
      case 'N': {
        size_t close = std::string_view::npos;
        if (i < body.size() && body[i] == '{') close = body.find('}', i);
        int32_t code_point = -1;
        if (close != std::string_view::npos) {
          code_point = LookupUnicodeName(body.substr(i + 1, close - i - 1));
        }
        if (code_point < 0) {
          size_t end = close == std::string_view::npos ? i : close + 1;
          *error = absl::StrFormat(
              "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
              "%s",
              char_index(escape_start), char_index(end) - 1,
              close == std::string_view::npos ? "malformed \\N character escape"
                                              : "unknown Unicode character name");
          return false;
        }
        lex::AppendUtf8(code_point, out);
        i = close + 1;
        break;
      }
      default:
        // Invalid escapes keep the backslash (CPython only warns).
        out->push_back('\\');
        i = escape_start + 1;
        break;
    }
  }
  return true;
}

bool DecodeBytesLiteral(std::string_view body, bool raw, std::string* out, std::string* error) {
  for (char c : body) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      *error = "bytes can only contain ASCII literal characters";
      return false;
    }
  }
  out->clear();
  if (raw) {
    out->assign(body);
    return true;
  }
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c != '\\') {
      out->push_back(c);
      ++i;
      continue;
    }
    if (i + 1 >= body.size()) {
      *error = "(value error) Trailing \\ in string";
      return false;
    }
    char next = body[i + 1];
    size_t escape_start = i;
    i += 2;
    switch (next) {
      case '\n': break;
      case '\\': out->push_back('\\'); break;
      case '\'': out->push_back('\''); break;
      case '"': out->push_back('"'); break;
      case 'a': out->push_back('\a'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'v': out->push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int value = next - '0';
        for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k) {
          value = value * 8 + (body[i] - '0');
          ++i;
        }
        out->push_back(static_cast<char>(value & 0xFF));
        break;
      }
      case 'x': {
        if (i + 2 <= body.size() && HexValue(body[i]) >= 0 &&
            HexValue(body[i + 1]) >= 0) {
          out->push_back(static_cast<char>(HexValue(body[i]) * 16 + HexValue(body[i + 1])));
          i += 2;
        } else {
          *error = absl::StrFormat("(value error) invalid \\x escape at position %d",
                                   escape_start);
          return false;
        }
        break;
      }
      default:
        out->push_back('\\');
        i = escape_start + 1;
        break;
    }
  }
  return true;
}

}  // namespace kiln::parse
