// Comments, pictures and the parts the model drops, from handmade/objects.xlsx.
#include <algorithm>

#include "evaluate/catalogue.hpp"
#include "pipeline/pipeline.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {
const Workbook& objects() {
    static const Workbook wb = read_workbook(handmade("objects.xlsx"));
    return wb;
}
const Sheet& lampiran() {
    return sheet_named(objects(), "Lampiran");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(read_objects)

BOOST_AUTO_TEST_CASE(chartsheet_is_carried_and_indices_follow) {
    BOOST_REQUIRE(objects().sheets.size() == 1u);
    // Issue 16: the chart sheet is carried (engine/model/carried.hpp), not dropped.
    BOOST_TEST(!has_dropped(objects(), "xl/chartsheets/sheet1.xml", "chartsheet \"Grafik\""));
    BOOST_REQUIRE(objects().carried);
    BOOST_REQUIRE(objects().carried->chart_sheets.size() == 1u);
    BOOST_TEST(objects().carried->chart_sheets[0].name == "Grafik");
    BOOST_TEST(objects().active_sheet == 0u);     // activeTab 1 = Lampiran, now the first sheet
    BOOST_REQUIRE(objects().names.size() == 1u);  // the name scoped to the chartsheet is gone
    BOOST_TEST(objects().names[0].name == "_xlnm.Print_Area");
    BOOST_TEST(objects().names[0].local_sheet == 0);
}

BOOST_AUTO_TEST_CASE(header_picture_is_read_from_the_hf_vml) {
    Workbook wb = read_workbook(handmade("header_picture.xlsx"));
    const PageSetup& page = wb.sheets.at(0).page;
    BOOST_TEST(page.header == "&L&G&CLaporan Kinerja");
    BOOST_REQUIRE(page.header_images.size() == 1u);
    BOOST_TEST(page.header_images[0].position == "LH");
    BOOST_TEST(page.header_images[0].extension == "png");
    BOOST_REQUIRE(page.header_images[0].data);
    BOOST_TEST(page.header_images[0].data->substr(1, 3) == "PNG");
    for (const auto& d : wb.dropped) BOOST_TEST(d.what.find("header/footer") == std::string::npos);
}

// Issue 16: what cannot be carried is a named warning in Validasi, not only a line on stderr.
BOOST_AUTO_TEST_CASE(parts_not_carried_are_warnings_in_validasi) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = read_workbook(handmade("form_control.xlsx"));
    std::size_t conditional_before = sheet_named(wb, "Isian").conditional_formats.size();
    RunReport r = process(engine, wb);
    std::vector<std::string> messages, english;
    for (const Finding& f : r.findings)
        if (f.rule == Rule::bagian_tidak_dibawa) {
            BOOST_TEST((f.severity == Severity::warning));
            messages.push_back(f.message.id);
            english.push_back(f.message.en);
        }
    // One warning per kind and sheet: the parts behind the sheet's <controls> and
    // <oleObjects> are not named a second time.
    BOOST_REQUIRE(messages.size() == 2u);
    auto has = [&](const std::string& piece) {
        for (const auto& m : messages)
            if (m.find(piece) != std::string::npos) return true;
        return false;
    };
    BOOST_TEST(has("Kontrol formulir di sheet Isian tidak dapat dibawa"));
    BOOST_TEST(has("Objek tersemat di sheet Isian tidak dapat dibawa"));
    // Indonesian throughout (common/dropped.hpp): the reader's English kind is not appended.
    for (const auto& m : messages)
        BOOST_TEST((m.find("form control") == std::string::npos &&
                    m.find("embedded object") == std::string::npos),
                   m);
    BOOST_TEST((std::find(english.begin(), english.end(),
                          "The form control on sheet Isian cannot be carried into the output.") !=
                english.end()));
    // Listed, not painted on the user's cell A1 (other findings there are).
    std::size_t painted = 0;
    for (const Finding& f : r.findings)
        painted += f.sheet == "Isian" && f.rule != Rule::bagian_tidak_dibawa ? 1 : 0;
    BOOST_TEST(sheet_named(wb, "Isian").conditional_formats.size() == conditional_before + painted);
    const Sheet& validasi = sheet_named(wb, "Validasi");
    bool listed = false;
    for (const Cell& c : validasi.cells)
        listed = listed || c.value.text.find("Kontrol formulir") != std::string::npos;
    BOOST_TEST(listed);
}

BOOST_AUTO_TEST_CASE(comments_with_author_text_and_visibility) {
    const auto& notes = lampiran().comments;
    BOOST_REQUIRE(notes.size() == 2u);
    BOOST_TEST(notes[0].row == 0u);
    BOOST_TEST(notes[0].col == 0u);
    BOOST_TEST(notes[0].author == "Operator");
    BOOST_TEST(notes[0].text == "Operator:\nIsi realisasi");
    BOOST_TEST(!notes[0].visible);
    BOOST_TEST(notes[1].author == "Kasubag");
    BOOST_TEST(notes[1].text == "Sudah dicek\r");
    BOOST_TEST(notes[1].visible);  // <x:Visible/> in the VML
}

BOOST_AUTO_TEST_CASE(picture_in_a_two_cell_anchor) {
    const auto& images = lampiran().images;
    BOOST_REQUIRE(images.size() == 3u);
    const Image& logo = images[0];
    BOOST_TEST(logo.row == 2u);
    BOOST_TEST(logo.col == 1u);
    BOOST_TEST(logo.x_offset == 10);  // 95250 EMU
    BOOST_TEST(logo.y_offset == 20);  // 190500 EMU
    BOOST_TEST(logo.width == 200);    // xfrm cx 1905000
    BOOST_TEST(logo.height == 100);
    BOOST_TEST(logo.extension == "png");
    BOOST_TEST(logo.description == "Logo Kemenkumham");
    BOOST_REQUIRE(logo.data);
    BOOST_TEST(logo.data->substr(1, 3) == "PNG");
    BOOST_TEST(logo.data->find("IHDR") == 12u);
}

BOOST_AUTO_TEST_CASE(picture_in_a_one_cell_anchor_with_absolute_target) {
    const Image& sign = lampiran().images[1];
    BOOST_TEST(sign.row == 0u);
    BOOST_TEST(sign.col == 5u);
    BOOST_TEST(sign.width == 50);  // ext cx 476250
    BOOST_TEST(sign.height == 30);
    BOOST_REQUIRE(sign.data);
    BOOST_TEST(*sign.data != *lampiran().images[0].data);  // a different media part
}

BOOST_AUTO_TEST_CASE(picture_size_from_the_anchor_cells) {
    // From A11 to C13 (+1 px): column A is 20 wide (trunc((256*20 + 18)/256*7) = 140 px),
    // B has the default 64 px;
    // row 11 is 30 pt (40 px), row 12 is default 15 pt (20 px).
    const Image& img = lampiran().images[2];
    BOOST_TEST(img.row == 10u);
    BOOST_TEST(img.col == 0u);
    BOOST_TEST(img.width == 140 + 64 + 1);
    BOOST_TEST(img.height == 40 + 20);
    BOOST_TEST(img.data == lampiran().images[0].data);  // the same media part, loaded once
}

BOOST_AUTO_TEST_CASE(nothing_reached_is_dropped) {
    const Workbook& wb = objects();
    // Issue 16: the drawing (shape, chart, pictures), the table and the threaded comment the
    // sheet's relationships reach are carried.
    BOOST_REQUIRE(wb.carried);
    for (const char* part : {"xl/drawings/drawing1.xml", "xl/charts/chart1.xml",
                             "xl/tables/table1.xml", "xl/threadedComments/threadedComment1.xml"})
        BOOST_TEST(wb.carried->parts.count(part) == 1u, part);
    // The pivot table, VBA, slicer... of this hand-made file are entries no relationship
    // reaches: not part of the document (Excel drops them on save), so not a loss to report.
    BOOST_TEST(wb.carried->parts.count("xl/pivotTables/pivotTable1.xml") == 0u);
    for (const auto& d : wb.dropped) BOOST_TEST_MESSAGE(d.part << ": " << d.what);
    BOOST_TEST(wb.dropped.empty());
}

BOOST_AUTO_TEST_CASE(reached_parts_not_carried_are_listed_once_per_sheet) {
    Workbook wb = read_workbook(handmade("form_control.xlsx"));
    BOOST_TEST(has_dropped(wb, "Isian", "form control"));
    BOOST_TEST(has_dropped(wb, "Isian", "embedded object"));
    BOOST_TEST(wb.dropped.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
