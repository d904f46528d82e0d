// SHA-256 (FIPS 180-4), with no dependencies: the launcher stub links it statically and
// checks its payload with it on a first run; the packer computes the same digest.
//
//   kiln::launcher::Sha256 hash;
//   hash.Update(data, size);
//   std::array<uint8_t, 32> digest = hash.Finish();
#ifndef KILN_RUNTIME_LAUNCHER_SHA256_H_
#define KILN_RUNTIME_LAUNCHER_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace kiln::launcher {

class Sha256 {
 public:
  Sha256();
  void Update(const void* data, size_t size);
  // Returns the digest; the object must not be updated afterwards.
  std::array<uint8_t, 32> Finish();

 private:
  void Compress(const uint8_t* block);

  uint32_t state_[8];
  uint8_t buffer_[64];
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

// Lower-case hexadecimal of `size` bytes.
std::string HexString(const uint8_t* bytes, size_t size);

}  // namespace kiln::launcher

#endif  // KILN_RUNTIME_LAUNCHER_SHA256_H_
