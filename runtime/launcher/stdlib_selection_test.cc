// The stdlib selection follows the import graph, adds parent packages and the start-up
// codecs, honours include/exclude patterns, and reports bad patterns and graphs.
#include "runtime/launcher/stdlib_selection.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kiln::launcher {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kGraph[] =
    "package encodings codecs encodings.aliases\n"
    "module encodings.aliases\n"
    "module encodings.utf_8 codecs\n"
    "module encodings.bz2_codec bz2 codecs\n"
    "module codecs\n"
    "module bz2 _bz2\n"
    "extension _bz2\n"
    "package json json.decoder\n"
    "module json.decoder re _json\n"
    "module json.tool argparse json\n"
    "extension _json\n"
    "module re enum\n"
    "module enum\n"
    "module argparse re\n"
    "package email\n"
    "module email.utils re\n";

TEST(StdlibSelectionTest, FollowsImportsAndParents) {
  absl::StatusOr<ImportGraph> graph = ImportGraph::Parse(kGraph);
  ASSERT_TRUE(graph.ok()) << graph.status();
  absl::StatusOr<Selection> selection = graph->Select({"json", "sys", "mine"}, {}, {});
  ASSERT_TRUE(selection.ok()) << selection.status();
  EXPECT_THAT(selection->python_modules,
              ElementsAre("codecs", "encodings", "encodings.aliases", "encodings.utf_8", "enum",
                          "json", "json.decoder", "re"));
  EXPECT_THAT(selection->extensions, ElementsAre("_json"));

  selection = graph->Select({"email.utils"}, {}, {});
  ASSERT_TRUE(selection.ok());
  EXPECT_TRUE(selection->python_modules.count("email"));
}

TEST(StdlibSelectionTest, IncludeAndExclude) {
  absl::StatusOr<ImportGraph> graph = ImportGraph::Parse(kGraph);
  ASSERT_TRUE(graph.ok());
  absl::StatusOr<Selection> selection = graph->Select({}, {"json\\.tool"}, {"re|_json"});
  ASSERT_TRUE(selection.ok());
  EXPECT_TRUE(selection->python_modules.count("json.tool"));
  EXPECT_TRUE(selection->python_modules.count("argparse"));
  EXPECT_FALSE(selection->python_modules.count("re"));
  EXPECT_THAT(selection->extensions, IsEmpty());

  selection = graph->Select({"json.decoder"}, {}, {"json"});  // nothing below json either
  ASSERT_TRUE(selection.ok());
  EXPECT_FALSE(selection->python_modules.count("json.decoder"));

  selection = graph->Select({}, {".*"}, {});
  ASSERT_TRUE(selection.ok());
  EXPECT_EQ(selection->python_modules.size(), 14u);
  EXPECT_EQ(selection->extensions.size(), 2u);
}

TEST(StdlibSelectionTest, Errors) {
  EXPECT_FALSE(ImportGraph::Parse("module\n").ok());
  EXPECT_FALSE(ImportGraph::Parse("gadget x\n").ok());
  absl::StatusOr<ImportGraph> graph = ImportGraph::Parse(kGraph);
  ASSERT_TRUE(graph.ok());
  EXPECT_FALSE(graph->Select({}, {"(unclosed"}, {}).ok());
  EXPECT_FALSE(graph->Select({}, {}, {"[bad"}).ok());
}

TEST(StdlibSelectionTest, ZipEntryNames) {
  EXPECT_EQ(ModuleOfZipEntry("json/__init__.pyc"), "json");
  EXPECT_EQ(ModuleOfZipEntry("json/decoder.pyc"), "json.decoder");
  EXPECT_EQ(ModuleOfZipEntry("os.pyc"), "os");
  EXPECT_EQ(ModuleOfZipEntry("README.txt"), "");
}

}  // namespace
}  // namespace kiln::launcher
