// Each system library that Kiln wraps from Debian links and works: Abseil (status,
// strings, flags, containers), re2, zstd and GoogleMock matchers.
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "zstd.h"

ABSL_FLAG(int, foundation_level, 3, "a flag for the test");

namespace {

absl::StatusOr<int> ParsePositive(int value) {
  if (value <= 0) return absl::InvalidArgumentError(absl::StrCat("not positive: ", value));
  return value;
}

TEST(AbseilTest, StatusCarriesCodeAndMessage) {
  absl::StatusOr<int> bad = ParsePositive(-4);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "not positive: -4");
  ASSERT_TRUE(ParsePositive(7).ok());
  EXPECT_EQ(*ParsePositive(7), 7);
}

TEST(AbseilTest, StringsSplitAndJoin) {
  std::vector<std::string> parts = absl::StrSplit("a,b,,c", ',', absl::SkipEmpty());
  EXPECT_THAT(parts, testing::ElementsAre("a", "b", "c"));
}

TEST(AbseilTest, FlagsParse) {
  const char* argv[] = {"test", "--foundation_level=9", "rest"};
  std::vector<char*> positional =
      absl::ParseCommandLine(3, const_cast<char**>(argv));
  EXPECT_EQ(absl::GetFlag(FLAGS_foundation_level), 9);
  ASSERT_EQ(positional.size(), 2u);
  EXPECT_STREQ(positional[1], "rest");
}

TEST(AbseilTest, FlatHashMap) {
  absl::flat_hash_map<std::string, int> counts;
  for (const char* word : {"x", "y", "x"}) ++counts[word];
  EXPECT_EQ(counts["x"], 2);
  EXPECT_EQ(counts.size(), 2u);
}

TEST(Re2Test, MatchesAndCaptures) {
  std::string module;
  ASSERT_TRUE(RE2::FullMatch("pkg/sub/mod.py", R"((.*)\.py)", &module));
  EXPECT_EQ(module, "pkg/sub/mod");
  EXPECT_FALSE(RE2::FullMatch("mod.pyc", R"(.*\.py)"));
}

TEST(ZstdTest, RoundTrip) {
  std::string input;
  for (int i = 0; i < 1000; ++i) absl::StrAppend(&input, "kiln payload ", i % 7, "\n");
  std::string compressed(ZSTD_compressBound(input.size()), '\0');
  size_t compressed_size =
      ZSTD_compress(compressed.data(), compressed.size(), input.data(), input.size(), 19);
  ASSERT_FALSE(ZSTD_isError(compressed_size)) << ZSTD_getErrorName(compressed_size);
  EXPECT_LT(compressed_size, input.size() / 10);
  std::string output(input.size(), '\0');
  size_t output_size =
      ZSTD_decompress(output.data(), output.size(), compressed.data(), compressed_size);
  ASSERT_FALSE(ZSTD_isError(output_size)) << ZSTD_getErrorName(output_size);
  output.resize(output_size);
  EXPECT_EQ(output, input);
}

}  // namespace
