#include "compiler/driver/subcommands.h"

#include <cstdio>

#include "compiler/driver/version.h"

namespace kiln::driver {
namespace {

int RunVersion(const std::vector<std::string>& arguments) {
  if (!arguments.empty()) {
    std::fprintf(stderr, "kilnc version: takes no arguments\n");
    return 2;
  }
  std::printf("kilnc %s\n", kVersion);
  return 0;
}

}  // namespace

const std::vector<Subcommand>& Subcommands() {
  static const std::vector<Subcommand>* const kSubcommands = new std::vector<Subcommand>{
      {"version", "print kilnc's version", RunVersion},
  };
  return *kSubcommands;
}

}  // namespace kiln::driver
