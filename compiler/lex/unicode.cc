#include "compiler/lex/unicode.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"

namespace kiln::lex {
namespace {

struct UnicodeRange {
  char32_t first;
  char32_t last;
};
struct NfkcEntry {
  char32_t code_point;
  uint32_t offset;
  uint32_t length;
};
struct CombiningClass {
  char32_t code_point;
  uint8_t value;
};
struct Composition {
  char32_t first;
  char32_t second;
  char32_t composite;
};
struct SingleByteCodec {
  const char* name;
  uint16_t high_half[128];
};
struct CodecAlias {
  const char* alias;
  const char* codec;
};

#include "compiler/lex/unicode_tables.inc"

template <size_t N>
bool InRanges(const UnicodeRange (&ranges)[N], char32_t code_point) {
  const UnicodeRange* end = ranges + N;
  const UnicodeRange* it = std::upper_bound(
      ranges, end, code_point,
      [](char32_t value, const UnicodeRange& range) { return value < range.first; });
  if (it == ranges) return false;
  --it;
  return code_point <= it->last;
}

}  // namespace

// Lenient UTF-8 decoding that also accepts 3-byte encoded surrogates.
static int32_t DecodeLenient(std::string_view text, size_t* pos) {
  unsigned char lead = static_cast<unsigned char>(text[*pos]);
  if (lead >= 0xE0 && lead <= 0xEF && *pos + 2 < text.size() + 0 + 0 &&
      *pos + 2 <= text.size() - 1) {
    unsigned char b1 = static_cast<unsigned char>(text[*pos + 1]);
    unsigned char b2 = static_cast<unsigned char>(text[*pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      int32_t value = ((lead & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (value >= 0x800) {
        *pos += 3;
        return value;
      }
    }
  }
  size_t start = *pos;
  int32_t value = DecodeUtf8(text, pos);
  if (value < 0) {
    *pos = start + 1;
    return 0xFFFD;
  }
  return value;
}


int32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t size = text.size();
  size_t i = *pos;
  unsigned char lead = bytes[i];
  if (lead < 0x80) {
    *pos = i + 1;
    return lead;
  }
  int length;
  int32_t value;
  int32_t minimum;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
    minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    minimum = 0x10000;
  } else {
    *pos = i + 1;
    return -1;
  }
  if (i + length > size) {
    *pos = i + 1;
    return -1;
  }
  for (int k = 1; k < length; ++k) {
    unsigned char next = bytes[i + k];
    if ((next & 0xC0) != 0x80) {
      *pos = i + 1;
      return -1;
    }
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *pos = i + 1;
    return -1;
  }
  *pos = i + length;
  return value;
}

void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t start = pos;
    if (DecodeUtf8(text, &pos) < 0) return start;
  }
  return std::string_view::npos;
}

bool IsIdentifierStart(char32_t code_point) {
  if (code_point < 0x80) {
    return code_point == '_' || std::isalpha(static_cast<int>(code_point));
  }
  return InRanges(kXidStartRanges, code_point);
}

bool IsIdentifierContinue(char32_t code_point) {
  if (code_point < 0x80) {
    return code_point == '_' || std::isalnum(static_cast<int>(code_point));
  }
  return InRanges(kXidContinueRanges, code_point);
}

bool IsPrintable(char32_t code_point) {
  return !InRanges(kNonPrintableRanges, code_point);
}

namespace {

constexpr char32_t kHangulFirst = 0xAC00;
constexpr char32_t kHangulLast = 0xD7A3;
constexpr char32_t kLeadFirst = 0x1100;
constexpr char32_t kVowelFirst = 0x1161;
constexpr char32_t kTrailFirst = 0x11A7;
constexpr int kVowelCount = 21;
constexpr int kTrailCount = 28;

void Decompose(char32_t code_point, std::u32string* out) {
  if (code_point >= kHangulFirst && code_point <= kHangulLast) {
    int index = static_cast<int>(code_point - kHangulFirst);
    out->push_back(kLeadFirst + index / (kVowelCount * kTrailCount));
    out->push_back(kVowelFirst + (index % (kVowelCount * kTrailCount)) / kTrailCount);
    if (index % kTrailCount) out->push_back(kTrailFirst + index % kTrailCount);
    return;
  }
  const NfkcEntry* end = kNfkdMap + sizeof(kNfkdMap) / sizeof(kNfkdMap[0]);
  const NfkcEntry* it = std::lower_bound(
      kNfkdMap, end, code_point,
      [](const NfkcEntry& entry, char32_t value) { return entry.code_point < value; });
  if (it != end && it->code_point == code_point) {
    for (uint32_t k = 0; k < it->length; ++k) out->push_back(kNfkdPool[it->offset + k]);
  } else {
    out->push_back(code_point);
  }
}

int CombiningClassOf(char32_t code_point) {
  const CombiningClass* end =
      kCombiningClasses + sizeof(kCombiningClasses) / sizeof(kCombiningClasses[0]);
  const CombiningClass* it = std::lower_bound(
      kCombiningClasses, end, code_point,
      [](const CombiningClass& entry, char32_t value) { return entry.code_point < value; });
  return (it != end && it->code_point == code_point) ? it->value : 0;
}

// The canonical composite of (first, second), or 0.
char32_t Compose(char32_t first, char32_t second) {
  if (first >= kLeadFirst && first < kLeadFirst + 19 && second >= kVowelFirst &&
      second < kVowelFirst + kVowelCount) {
    return kHangulFirst +
           ((first - kLeadFirst) * kVowelCount + (second - kVowelFirst)) * kTrailCount;
  }
  if (first >= kHangulFirst && first <= kHangulLast &&
      (first - kHangulFirst) % kTrailCount == 0 && second > kTrailFirst &&
      second < kTrailFirst + kTrailCount) {
    return first + (second - kTrailFirst);
  }
  const Composition* end = kCompositions + sizeof(kCompositions) / sizeof(kCompositions[0]);
  const Composition* it = std::lower_bound(
      kCompositions, end, std::make_pair(first, second),
      [](const Composition& entry, const std::pair<char32_t, char32_t>& value) {
        return entry.first < value.first ||
               (entry.first == value.first && entry.second < value.second);
      });
  if (it != end && it->first == first && it->second == second) return it->composite;
  return 0;
}

}  // namespace

std::string NormalizeIdentifier(std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::string(utf8);
  // 1. Full compatibility decomposition.
  std::u32string text;
  size_t pos = 0;
  while (pos < utf8.size()) {
    int32_t code_point = DecodeUtf8(utf8, &pos);
    if (code_point >= 0) Decompose(static_cast<char32_t>(code_point), &text);
  }
  // 2. Canonical ordering: stable sort of each run of non-starters.
  std::vector<int> classes(text.size());
  for (size_t i = 0; i < text.size(); ++i) classes[i] = CombiningClassOf(text[i]);
  for (size_t i = 1; i < text.size(); ++i) {
    for (size_t k = i; k > 0 && classes[k] != 0 && classes[k - 1] > classes[k]; --k) {
      std::swap(text[k], text[k - 1]);
      std::swap(classes[k], classes[k - 1]);
    }
  }
  // 3. Canonical composition.
  std::u32string composed;
  std::vector<int> composed_classes;
  int starter = -1;  // index in `composed` of the last starter
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t code_point = text[i];
    int combining = classes[i];
    if (starter >= 0) {
      int last_class = composed_classes.back();
      bool blocked = static_cast<size_t>(starter) != composed.size() - 1 &&
                     (last_class == 0 || last_class >= combining);
      if (!blocked) {
        char32_t composite = Compose(composed[starter], code_point);
        if (composite != 0) {
          composed[starter] = composite;
          continue;
        }
      }
    }
    if (combining == 0) starter = static_cast<int>(composed.size());
    composed.push_back(code_point);
    composed_classes.push_back(combining);
  }
  std::string out;
  for (char32_t code_point : composed) AppendUtf8(code_point, &out);
  return out;
}

std::string LookupCodec(std::string_view name) {
  // Python's encodings.normalize_encoding: runs of characters other than
  // alphanumerics and '.' become one '_', then lower case.
  std::string normal;
  bool pending_underscore = false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.') {
      if (pending_underscore && !normal.empty()) normal.push_back('_');
      pending_underscore = false;
      normal.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      pending_underscore = true;
    }
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    for (const CodecAlias& alias : kCodecAliases) {
      if (normal == alias.alias) return alias.codec;
    }
    std::replace(normal.begin(), normal.end(), '.', '_');
  }
  return "";
}

bool DecodeToUtf8(std::string_view codec, std::string_view bytes,
                  std::string* out, size_t* bad_position) {
  out->clear();
  out->reserve(bytes.size());
  if (codec == "utf_8") {
    size_t bad = FindInvalidUtf8(bytes);
    if (bad != std::string_view::npos) {
      *bad_position = bad;
      return false;
    }
    out->assign(bytes);
    return true;
  }
  const SingleByteCodec* table = nullptr;
  for (const SingleByteCodec& candidate : kSingleByteCodecs) {
    if (codec == candidate.name) table = &candidate;
  }
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char byte = static_cast<unsigned char>(bytes[i]);
    if (byte < 0x80) {
      out->push_back(static_cast<char>(byte));
    } else if (codec == "latin_1") {
      AppendUtf8(byte, out);
    } else if (table != nullptr && table->high_half[byte - 0x80] != 0xFFFF) {
      AppendUtf8(table->high_half[byte - 0x80], out);
    } else {
      *bad_position = i;
      return false;
    }
  }
  return true;
}

char ReprQuote(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  return (has_single && !has_double) ? '"' : '\'';
}

void AppendReprAscii(unsigned char byte, char quote, std::string* out) {
  char c = static_cast<char>(byte);
  if (c == quote || c == '\\') {
    out->push_back('\\');
    out->push_back(c);
  } else if (c == '\t') {
    *out += "\\t";
  } else if (c == '\n') {
    *out += "\\n";
  } else if (c == '\r') {
    *out += "\\r";
  } else if (byte < 0x20 || byte >= 0x7F) {
    absl::StrAppendFormat(out, "\\x%02x", byte);
  } else {
    out->push_back(c);
  }
}

std::string PythonStrRepr(std::string_view utf8) {
  char quote = ReprQuote(utf8);
  std::string out;
  out.reserve(utf8.size() + 2);
  out.push_back(quote);
  size_t pos = 0;
  while (pos < utf8.size()) {
    unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      ++pos;
      AppendReprAscii(byte, quote, &out);
      continue;
    }
    size_t start = pos;
    int32_t code_point = DecodeLenient(utf8, &pos);
    if (IsPrintable(code_point) && !(code_point >= 0xD800 && code_point <= 0xDFFF)) {
      out.append(utf8.substr(start, pos - start));
    } else if (code_point <= 0xFF) {
      absl::StrAppendFormat(&out, "\\x%02x", code_point);
    } else if (code_point <= 0xFFFF) {
      absl::StrAppendFormat(&out, "\\u%04x", code_point);
    } else {
      absl::StrAppendFormat(&out, "\\U%08x", code_point);
    }
  }
  out.push_back(quote);
  return out;
}

}  // namespace kiln::lex
