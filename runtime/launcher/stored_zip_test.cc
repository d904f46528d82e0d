// Stored zips round-trip, are byte-identical for the same entries, and bad archives are
// errors. Python's zipimport reading the result is covered by the launcher tests.
#include "runtime/launcher/stored_zip.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kiln::launcher {
namespace {

TEST(StoredZipTest, RoundTrip) {
  std::string first = "print('first')\n", second(70000, 'x');
  std::vector<ZipEntry> entries = {{"a/__init__.pyc", first, Crc32(first)},
                                   {"b.pyc", second, Crc32(second)}};
  std::string archive = WriteStoredZip(entries);
  EXPECT_EQ(archive, WriteStoredZip(entries));
  absl::StatusOr<std::vector<ZipEntry>> read = ReadStoredZip(archive);
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].name, "a/__init__.pyc");
  EXPECT_EQ((*read)[0].data, first);
  EXPECT_EQ((*read)[1].data, second);
  EXPECT_EQ((*read)[1].crc32, Crc32(second));
}

TEST(StoredZipTest, KnownCrc) { EXPECT_EQ(Crc32("123456789"), 0xCBF43926u); }

TEST(StoredZipTest, DamagedArchivesAreErrors) {
  std::string data = "data";
  std::string archive = WriteStoredZip({{"x.pyc", data, Crc32(data)}});
  EXPECT_FALSE(ReadStoredZip("").ok());
  EXPECT_FALSE(ReadStoredZip("not a zip at all, not at all, no").ok());
  for (size_t length = 0; length < archive.size(); ++length) {
    EXPECT_FALSE(ReadStoredZip(archive.substr(0, length)).ok()) << length;
  }
  for (size_t i = 0; i < archive.size(); ++i) {
    std::string changed = archive;
    changed[i] ^= 0x5a;
    absl::StatusOr<std::vector<ZipEntry>> read = ReadStoredZip(changed);  // must not crash
    if (read.ok()) {
      for (const ZipEntry& entry : *read) EXPECT_LE(entry.data.size(), changed.size());
    }
  }
  std::string deflated = archive;
  deflated[8] = 8;  // local header method: deflate
  size_t central = archive.size() - 22 - (46 + 5);
  deflated[central + 10] = 8;
  EXPECT_FALSE(ReadStoredZip(deflated).ok());
}

}  // namespace
}  // namespace kiln::launcher
