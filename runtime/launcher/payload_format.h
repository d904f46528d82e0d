// The layout of a packed Kiln program, shared by the packer and the launcher stub.
//
// A packed program is one file:
//
//   [launcher stub (static ELF)] [index] [payload] [trailer: 128 bytes]
//
// payload  one zstd frame (with its content checksum) holding the bytes of every entry
//          back to back, in index order.
// index    text: the line "kiln-index 1", then one line per entry
//          "<octal mode> <size> <relative path>", sorted by path. The program itself is
//          the entry whose path is the trailer's `name`.
// trailer  fixed size, little-endian, at the very end of the file (see Trailer). Its
//          `hash` is SHA-256 of the index bytes followed by the payload bytes: the cache
//          key, and what a first run checks before unpacking anything.
//
// The launcher unpacks into <cache root>/<name>-<first 16 hex digits of hash>/ and writes
// a stamp file there (StampText) last; a later run compares the stamp and the program's
// size, nothing more (the payload is never re-hashed on a warm start).
//
// Everything here parses untrusted bytes: a damaged file gives an error string, never a
// crash. No dependencies beyond the C++ standard library (the stub is small and static).
#ifndef KILN_RUNTIME_LAUNCHER_PAYLOAD_FORMAT_H_
#define KILN_RUNTIME_LAUNCHER_PAYLOAD_FORMAT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiln::launcher {

inline constexpr uint32_t kFormatVersion = 1;
inline constexpr size_t kTrailerSize = 128;
inline constexpr char kTrailerMagic[8] = {'K', 'I', 'L', 'N', 'P', 'A', 'C', 'K'};
inline constexpr size_t kMaxNameLength = 39;
inline constexpr char kStampFileName[] = ".kiln-stamp";
// The zstd window the packer may use and the launcher accepts (2^27 = 128 MiB).
inline constexpr int kMaxWindowLog = 27;

struct Trailer {
  std::array<uint8_t, 32> hash{};  // SHA-256 of index bytes + payload bytes
  uint64_t index_offset = 0;       // where the index starts in the file
  uint64_t index_size = 0;
  uint64_t payload_size = 0;   // compressed bytes, right after the index
  uint64_t unpacked_size = 0;  // sum of the entries' sizes
  uint64_t program_size = 0;   // size of the entry named `name`
  uint32_t entry_count = 0;
  uint32_t format_version = kFormatVersion;
  std::string name;  // program name: [A-Za-z0-9._+-], 1..39 chars, no leading '.'
};

struct Entry {
  std::string path;  // relative, '/'-separated, validated by IsSafeRelativePath
  uint32_t mode = 0644;
  uint64_t size = 0;
};

// Serializes `trailer` into exactly kTrailerSize bytes.
std::string EncodeTrailer(const Trailer& trailer);

// Decodes the last kTrailerSize bytes of a file of `file_size` bytes. Returns false with
// a one-line reason when the bytes are not a trailer, the format version is another one,
// or the sizes do not add up to `file_size` (a truncated or extended file).
bool DecodeTrailer(const uint8_t* bytes, uint64_t file_size, Trailer* trailer,
                   std::string* reason);

std::string EncodeIndex(const std::vector<Entry>& entries);

// Parses index text; checks every path, the sizes against the trailer (sum and count),
// and that the program entry exists with the trailer's size. Returns false with a reason.
bool ParseIndex(const char* text, size_t size, const Trailer& trailer,
                std::vector<Entry>* entries, std::string* reason);

// A relative path that stays inside its directory: non-empty '/'-separated components,
// none "." or "..", no control characters, not the stamp file, at most 1024 bytes.
bool IsSafeRelativePath(const std::string& path);

bool IsValidName(const std::string& name);

// The cache entry's directory name: "<name>-<16 hex digits of the hash>".
std::string CacheEntryName(const Trailer& trailer);

// The stamp file's exact contents for this trailer.
std::string StampText(const Trailer& trailer);

}  // namespace kiln::launcher

#endif  // KILN_RUNTIME_LAUNCHER_PAYLOAD_FORMAT_H_
