// Reads this test's own ELF file (a dynamic executable: it needs libc.so.6), a static
// one (the launcher stub: no dynamic section), and survives damaged input.
//   usage: elf_reader_test LAUNCHER_STUB
#include "runtime/launcher/elf_reader.h"

#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kiln::launcher {
namespace {

using ::testing::Contains;

std::string g_stub;

std::string Read(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

TEST(ElfReaderTest, DynamicExecutable) {
  std::string self = Read("/proc/self/exe");
  absl::StatusOr<DynamicInfo> info = ReadDynamicInfo(self);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_THAT(info->needed, Contains("libc.so.6"));
}

TEST(ElfReaderTest, StaticExecutable) {
  absl::StatusOr<DynamicInfo> info = ReadDynamicInfo(Read(g_stub));
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_TRUE(info->needed.empty());
}

TEST(ElfReaderTest, DamagedInput) {
  EXPECT_FALSE(ReadDynamicInfo("").ok());
  EXPECT_FALSE(ReadDynamicInfo("#!/bin/sh\necho not elf\n").ok());
  std::string self = Read("/proc/self/exe");
  for (size_t length : {size_t{4}, size_t{63}, size_t{64}, size_t{200}, size_t{4096}}) {
    EXPECT_FALSE(ReadDynamicInfo(absl::string_view(self).substr(0, length)).ok()) << length;
  }
  std::string header = self.substr(0, 8192);
  for (size_t i = 0; i < 128; ++i) {
    std::string changed = header;
    changed[i] ^= 0xff;
    absl::StatusOr<DynamicInfo> info = ReadDynamicInfo(changed);  // must not crash
    if (info.ok()) {
      EXPECT_LE(info->needed.size(), changed.size());
    }
  }
}

}  // namespace
}  // namespace kiln::launcher

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  if (argc > 1) kiln::launcher::g_stub = argv[1];
  return RUN_ALL_TESTS();
}
