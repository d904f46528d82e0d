// The trailer and index round-trip, and damaged bytes are rejected with a reason (never a
// crash): every truncation and every single-byte change of a trailer is tried.
#include "runtime/launcher/payload_format.h"

#include <cstring>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kiln::launcher {
namespace {

using ::testing::HasSubstr;

Trailer SampleTrailer(uint64_t index_size) {
  Trailer trailer;
  for (int i = 0; i < 32; ++i) trailer.hash[i] = static_cast<uint8_t>(i * 7);
  trailer.index_offset = 1000;
  trailer.index_size = index_size;
  trailer.payload_size = 500;
  trailer.unpacked_size = 30;
  trailer.program_size = 10;
  trailer.entry_count = 3;
  trailer.name = "hello";
  return trailer;
}

std::vector<Entry> SampleEntries() {
  return {{"hello", 0755, 10}, {"hello.runfiles/kiln/data.txt", 0644, 5}, {"stdlib.zip", 0644, 15}};
}

uint64_t FileSize(const Trailer& trailer) {
  return trailer.index_offset + trailer.index_size + trailer.payload_size + kTrailerSize;
}

TEST(PayloadFormatTest, TrailerRoundTrip) {
  Trailer trailer = SampleTrailer(77);
  std::string bytes = EncodeTrailer(trailer);
  ASSERT_EQ(bytes.size(), kTrailerSize);
  Trailer decoded;
  std::string reason;
  ASSERT_TRUE(DecodeTrailer(reinterpret_cast<const uint8_t*>(bytes.data()), FileSize(trailer),
                            &decoded, &reason))
      << reason;
  EXPECT_EQ(decoded.hash, trailer.hash);
  EXPECT_EQ(decoded.index_size, 77u);
  EXPECT_EQ(decoded.name, "hello");
  EXPECT_EQ(CacheEntryName(decoded), "hello-00070e151c232a31");
  EXPECT_EQ(StampText(decoded), StampText(trailer));
}

TEST(PayloadFormatTest, RejectsWrongSizesVersionsAndMagic) {
  Trailer trailer = SampleTrailer(77);
  std::string bytes = EncodeTrailer(trailer);
  const uint8_t* data = reinterpret_cast<const uint8_t*>(bytes.data());
  Trailer decoded;
  std::string reason;
  EXPECT_FALSE(DecodeTrailer(data, FileSize(trailer) - 1, &decoded, &reason));
  EXPECT_THAT(reason, HasSubstr("truncated or damaged"));
  EXPECT_FALSE(DecodeTrailer(data, FileSize(trailer) + 1, &decoded, &reason));

  trailer.format_version = 2;
  std::string version2 = EncodeTrailer(trailer);
  EXPECT_FALSE(DecodeTrailer(reinterpret_cast<const uint8_t*>(version2.data()),
                             FileSize(trailer), &decoded, &reason));
  EXPECT_EQ(reason, "payload format version 2, but this launcher reads version 1");

  std::string no_magic = bytes;
  no_magic[kTrailerSize - 1] ^= 1;
  EXPECT_FALSE(DecodeTrailer(reinterpret_cast<const uint8_t*>(no_magic.data()),
                             FileSize(SampleTrailer(77)), &decoded, &reason));
  EXPECT_THAT(reason, HasSubstr("no Kiln payload"));
}

TEST(PayloadFormatTest, EveryByteChangeIsHandled) {
  std::string bytes = EncodeTrailer(SampleTrailer(77));
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string changed = bytes;
      changed[i] ^= static_cast<char>(1 << bit);
      Trailer decoded;
      std::string reason;
      if (!DecodeTrailer(reinterpret_cast<const uint8_t*>(changed.data()),
                         FileSize(SampleTrailer(77)), &decoded, &reason)) {
        EXPECT_FALSE(reason.empty());
      }
    }
  }
}

TEST(PayloadFormatTest, IndexRoundTripAndDamage) {
  std::string index = EncodeIndex(SampleEntries());
  EXPECT_EQ(index,
            "kiln-index 1\n755 10 hello\n644 5 hello.runfiles/kiln/data.txt\n644 15 stdlib.zip\n");
  Trailer trailer = SampleTrailer(index.size());
  std::vector<Entry> entries;
  std::string reason;
  ASSERT_TRUE(ParseIndex(index.data(), index.size(), trailer, &entries, &reason)) << reason;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].path, "hello.runfiles/kiln/data.txt");
  EXPECT_EQ(entries[0].mode, 0755u);

  // Every truncation, and every single-byte change, parses or fails cleanly.
  for (size_t length = 0; length < index.size(); ++length) {
    EXPECT_FALSE(ParseIndex(index.data(), length, trailer, &entries, &reason)) << length;
  }
  for (size_t i = 0; i < index.size(); ++i) {
    std::string changed = index;
    changed[i] = '/';
    if (!ParseIndex(changed.data(), changed.size(), trailer, &entries, &reason)) {
      EXPECT_FALSE(reason.empty());
    }
  }
  const char* bad[] = {
      "kiln-index 1\n755 10 hello\n644 5 ../escape\n644 15 stdlib.zip\n",
      "kiln-index 1\n755 10 hello\n644 5 /absolute\n644 15 stdlib.zip\n",
      "kiln-index 1\n755 10 hello\n4755 5 setuid\n644 15 stdlib.zip\n",
      "kiln-index 1\n755 10 hello\n644 15 stdlib.zip\n644 5 out-of-order\n",
      "kiln-index 1\n755 10 hello\n644 5 a//b\n644 15 stdlib.zip\n",
      "kiln-index 1\n755 11 hello\n644 4 data\n644 15 stdlib.zip\n",  // program size
      "kiln-index 2\n755 10 hello\n644 5 data\n644 15 stdlib.zip\n",
      "kiln-index 1\n755 10 hello\n644 99999999999999999999 data\n644 15 stdlib.zip\n",
  };
  for (const char* text : bad) {
    Trailer sized = SampleTrailer(strlen(text));
    EXPECT_FALSE(ParseIndex(text, strlen(text), sized, &entries, &reason)) << text;
  }
}

TEST(PayloadFormatTest, Names) {
  EXPECT_TRUE(IsValidName("hello"));
  EXPECT_TRUE(IsValidName("my-tool_2.1+x"));
  EXPECT_FALSE(IsValidName(""));
  EXPECT_FALSE(IsValidName(".hidden"));
  EXPECT_FALSE(IsValidName("a/b"));
  EXPECT_FALSE(IsValidName("stdlib.zip"));
  EXPECT_FALSE(IsValidName(std::string(40, 'a')));
}

}  // namespace
}  // namespace kiln::launcher
