// kilnc: the Kiln compiler's command line.
//
//   kilnc SUBCOMMAND [FLAGS] ARGS...
//
// Each subcommand is one entry of kSubcommands below; flags are Abseil flags, parsed
// once for the whole command line. `kilnc --help` lists the subcommands, `kilnc
// --version` prints the version. Exit status: 0 on success, 1 when the input is bad
// (the subcommand has printed `file:line:col: error: ...`), 2 on a usage error.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "compiler/driver/subcommands.h"
#include "compiler/driver/version.h"

namespace {

std::string UsageMessage() {
  std::string usage =
      "Kiln compiles Python 3.11 modules to C++.\n\n"
      "usage: kilnc SUBCOMMAND [FLAGS] ARGS...\n\nsubcommands:\n";
  for (const kiln::driver::Subcommand& subcommand : kiln::driver::Subcommands()) {
    absl::StrAppend(&usage, "  ", subcommand.name, std::string(16 - subcommand.name.size(), ' '),
                    subcommand.summary, "\n");
  }
  absl::StrAppend(&usage, "\nkilnc --help lists the flags; kilnc --version prints the version.");
  return usage;
}

std::string VersionString() { return absl::StrCat("kilnc ", kiln::driver::kVersion, "\n"); }

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(UsageMessage());
  absl::FlagsUsageConfig usage_config;
  usage_config.version_string = VersionString;
  usage_config.contains_help_flags = [](absl::string_view path) {
    return path.find("compiler/driver/") != absl::string_view::npos;
  };
  absl::SetFlagsUsageConfig(usage_config);

  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  if (positional.size() < 2) {
    std::fprintf(stderr, "%s\n", UsageMessage().c_str());
    return 2;
  }
  std::string name = positional[1];
  for (const kiln::driver::Subcommand& subcommand : kiln::driver::Subcommands()) {
    if (subcommand.name == name) {
      std::vector<std::string> arguments(positional.begin() + 2, positional.end());
      return subcommand.run(arguments);
    }
  }
  std::vector<std::string> names;
  for (const kiln::driver::Subcommand& subcommand : kiln::driver::Subcommands()) {
    names.push_back(subcommand.name);
  }
  std::fprintf(stderr, "kilnc: unknown subcommand '%s' (expected one of: %s)\n", name.c_str(),
               absl::StrJoin(names, ", ").c_str());
  return 2;
}
