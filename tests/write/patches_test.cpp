// The post-pass that edits libxlsxwriter's output: edits that cannot be made are
// reported, and a file that cannot be read is left alone.
#include "write/patches.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "write/written.hpp"
#include "write/zip_rewrite.hpp"

using namespace kinerja;
using namespace kinerja::test;
using namespace kinerja::write_detail;
namespace fs = std::filesystem;

namespace {

bool has(const std::vector<DroppedPart>& parts, const std::string& what) {
    for (const auto& p : parts)
        if (p.what == what) return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_patches)

BOOST_AUTO_TEST_CASE(edits_that_find_no_place_are_reported) {
    Workbook wb = one_sheet();
    wb.sheets[0].put(number_cell(0, 0, 1));
    Written out(wb);
    Patches patches;
    patches.cell_value(0, "B7", "e", "#N/A", false, {"Data", "B7", "no such cell"});
    patches.cell_value(0, "A1", "b", "1", false, {"Data", "A1", "cell A1"});
    patches.column_width(0, 3, 3, 14.72, {"Data", "D:D", "no such column"});
    patches.very_hidden(5, {"Lain", "", "no such sheet"});
    patches.core_text("cp:lastModifiedBy", "Operator <TU>", {"docProps/core.xml", "", "core"});
    Drops drops;
    patches.apply(out.file(), drops);
    auto reported = drops.list();
    BOOST_TEST(has(reported, "no such cell"));
    BOOST_TEST(has(reported, "no such column"));
    BOOST_TEST(has(reported, "no such sheet"));
    BOOST_TEST(!has(reported, "cell A1"));
    BOOST_TEST(!has(reported, "core"));
    KINERJA_CHECK_HAS(out.sheet(), "<c r=\"A1\" t=\"b\"><v>1</v></c>");
    KINERJA_CHECK_HAS(out.part("docProps/core.xml"),
                      "<cp:lastModifiedBy>Operator &lt;TU&gt;</cp:lastModifiedBy>");
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_zip_is_left_alone) {
    ScratchDir scratch;
    fs::path file = scratch / "bukan.xlsx";
    std::ofstream(file) << "bukan berkas zip";
    Patches patches;
    patches.date1904({"xl/workbook.xml", "", "1904 lost"});
    Drops drops;
    patches.apply(file, drops);
    BOOST_TEST(has(drops.list(), "1904 lost"));
    BOOST_TEST(read_file(file) == "bukan berkas zip");
    BOOST_TEST(!fs::exists(file.string() + ".edit"));
}

BOOST_AUTO_TEST_CASE(parts_over_the_limit_are_copied_unedited) {
    Workbook wb = one_sheet();
    Written out(wb);
    std::string before = out.sheet();
    bool called = false;
    RewriteResult result = rewrite_zip(
        out.file(), {{"xl/worksheets/sheet1.xml", [&](std::string&) { called = true; }}}, 10);
    BOOST_TEST(result.ok);
    BOOST_TEST(!called);
    BOOST_TEST(result.too_large.count("xl/worksheets/sheet1.xml") == 1u);
    BOOST_TEST(out.sheet() == before);
    BOOST_TEST(run({"unzip", "-t", out.file().string()}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(a_part_an_edit_leaves_as_it_was_keeps_its_bytes) {
    // A zip with a stored (uncompressed) part: compressed again, it would be deflated.
    ScratchDir scratch;
    std::ofstream(scratch / "core.xml") << "<core><dcterms:created>2025</dcterms:created></core>";
    std::ofstream(scratch / "other.xml") << "<other/>";
    fs::path zip = scratch / "stored.xlsx";
    BOOST_REQUIRE(
        run({"sh", "-c",
             "cd '" + scratch.path().string() + "' && zip -q -0 -X stored.xlsx core.xml other.xml"})
            .exit_code == 0);
    std::map<std::string, PartEditor> editors{
        {"core.xml", [](std::string& xml) { xml.replace(xml.find("2025"), 4, "2025"); }},
        {"other.xml", [](std::string& xml) { xml = "<other>diubah</other>"; }}};
    RewriteResult result = rewrite_zip(zip, editors, 1 << 20);
    BOOST_TEST(result.ok);
    std::string listing = run({"unzip", "-v", zip.string()}).out;
    BOOST_TEST_MESSAGE(listing);
    BOOST_TEST(listing.find("Stored") != std::string::npos);  // core.xml, untouched
    BOOST_TEST(listing.find("Defl") != std::string::npos);    // other.xml, edited
    BOOST_TEST(run({"unzip", "-p", zip.string(), "other.xml"}).out == "<other>diubah</other>");
    BOOST_TEST(run({"unzip", "-p", zip.string(), "core.xml"}).out ==
               "<core><dcterms:created>2025</dcterms:created></core>");
    BOOST_TEST(run({"unzip", "-t", zip.string()}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(numbers_and_text_for_xml) {
    BOOST_TEST(shortest_decimal(14.72) == "14.72");
    BOOST_TEST(shortest_decimal(12.7109375) == "12.7109375");
    BOOST_TEST(shortest_decimal(8) == "8");
    BOOST_TEST(xml_escape("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;");
}

BOOST_AUTO_TEST_SUITE_END()
