// SHA-256 against the FIPS 180-4 / NIST example digests, fed whole and byte by byte.
#include "runtime/launcher/sha256.h"

#include <string>

#include "gtest/gtest.h"

namespace kiln::launcher {
namespace {

std::string Digest(const std::string& text, size_t chunk) {
  Sha256 hash;
  for (size_t i = 0; i < text.size(); i += chunk) {
    hash.Update(text.data() + i, std::min(chunk, text.size() - i));
  }
  std::array<uint8_t, 32> digest = hash.Finish();
  return HexString(digest.data(), digest.size());
}

TEST(Sha256Test, KnownDigests) {
  const std::string million_a(1000000, 'a');
  struct Case {
    std::string input;
    const char* digest;
  } cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {million_a, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const Case& test : cases) {
    for (size_t chunk : {size_t{1}, size_t{63}, size_t{64}, size_t{1000}, size_t{1} << 20}) {
      EXPECT_EQ(Digest(test.input, chunk), test.digest) << test.input.size() << "/" << chunk;
    }
  }
}

}  // namespace
}  // namespace kiln::launcher
