// Charts Kinerja generates: the chart part, its series and cached values, the line
// over the columns, and that LibreOffice draws it.
#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include "read/read.hpp"
#include "write/written.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

// A Grafik sheet as `kinerja fill --grafik` makes it: indicator, capaian, target 100.
Workbook grafik_workbook() {
    Workbook wb = one_sheet("Grafik");
    Sheet& s = wb.sheets[0];
    s.put(text_cell(0, 0, "Indikator"));
    s.put(text_cell(0, 1, "Capaian"));
    s.put(text_cell(0, 2, "Target"));
    const char* names[] = {"Persentase WBP mengikuti pembinaan", "Tingkat kepuasan layanan",
                           "Indeks integritas"};
    for (std::uint32_t i = 0; i < 3; ++i) {
        s.put(text_cell(i + 1, 0, names[i]));
        s.put(number_cell(i + 1, 2, 100));
    }
    s.put(number_cell(1, 1, 84.57));
    Cell formula = number_cell(2, 1, 92.5);  // a live formula: libxlsxwriter would cache 0
    formula.formula = "Data!F7";
    s.put(formula);
    Cell not_applicable = text_cell(3, 1, "-");
    not_applicable.formula = "Data!F8";
    s.put(not_applicable);

    Chart chart;
    chart.title = "Capaian Kinerja per Indikator";
    chart.category_title = "Indikator";
    chart.value_title = "Capaian (%)";
    chart.row = 5;
    chart.col = 0;
    chart.value_min = 0;
    chart.value_max = 120.5;
    chart.series.push_back(
        {"Capaian", "'Grafik'!$A$2:$A$4", "'Grafik'!$B$2:$B$4", 0x2E75B6, false, true});
    chart.series.push_back(
        {"Target 100%", "'Grafik'!$A$2:$A$4", "Grafik!C2:C4", 0xC00000, true, false});
    s.charts.push_back(chart);
    return wb;
}

pugi::xml_document parsed(const std::string& xml) {
    pugi::xml_document doc;
    pugi::xml_parse_result result = doc.load_string(xml.c_str());
    BOOST_REQUIRE_MESSAGE(result, "not well-formed: " << result.description());
    return doc;
}

std::string series_name(pugi::xml_node ser) {
    return ser.child("c:tx").child("c:v").text().as_string();
}

// Issue 16: a chart in a file read again is carried (engine/model/carried.hpp), not dropped.
bool carried_chart(const Workbook& wb, const std::string& part) {
    for (const DroppedPart& d : wb.dropped)
        if (d.part == part) return false;
    return wb.carried && wb.carried->parts.count(part) == 1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_charts)

BOOST_AUTO_TEST_CASE(column_chart_with_a_target_line) {
    Written out(grafik_workbook());
    BOOST_TEST(out.report().dropped.empty());
    std::string xml = out.part("xl/charts/chart1.xml");
    pugi::xml_document doc = parsed(xml);
    pugi::xml_node plot = doc.child("c:chartSpace").child("c:chart").child("c:plotArea");
    pugi::xml_node bar = plot.child("c:barChart"), line = plot.child("c:lineChart");
    BOOST_REQUIRE(bar);
    BOOST_REQUIRE(line);
    BOOST_TEST(bar.child("c:barDir").attribute("val").as_string() == std::string("col"));
    BOOST_TEST(series_name(bar.child("c:ser")) == "Capaian");
    BOOST_TEST(!bar.child("c:ser").next_sibling("c:ser"));
    BOOST_TEST(series_name(line.child("c:ser")) == "Target 100%");
    // Both charts on the same two axes.
    BOOST_TEST(line.find_child_by_attribute("c:axId", "val",
                                            bar.child("c:axId").attribute("val").value()));
    BOOST_TEST(line.child("c:ser").child("c:marker").child("c:symbol").attribute("val").value() ==
               std::string("none"));
    // The ranges, and caches from the model: exact, formula results, no point for "-".
    KINERJA_CHECK_HAS(xml, "<c:f>Grafik!$A$2:$A$4</c:f>");
    KINERJA_CHECK_HAS(xml, "<c:f>Grafik!$B$2:$B$4</c:f>");
    KINERJA_CHECK_HAS(xml, "<c:f>Grafik!$C$2:$C$4</c:f>");
    KINERJA_CHECK_HAS(xml,
                      "<c:pt idx=\"0\"><c:v>84.57</c:v></c:pt>"
                      "<c:pt idx=\"1\"><c:v>92.5</c:v></c:pt></c:numCache>");
    KINERJA_CHECK_HAS(xml, "<c:v>Tingkat kepuasan layanan</c:v>");
    KINERJA_CHECK_LACKS(xml, "84.56999999999999");
    KINERJA_CHECK_HAS(xml, "<c:max val=\"120.5\"/>");
    KINERJA_CHECK_HAS(xml, "<c:min val=\"0\"/>");
    KINERJA_CHECK_HAS(xml, "<a:t>Capaian Kinerja per Indikator</a:t>");
    KINERJA_CHECK_HAS(xml, "<a:t>Capaian (%)</a:t>");
    KINERJA_CHECK_HAS(xml, "<a:srgbClr val=\"C00000\"/>");
    KINERJA_CHECK_HAS(xml, "<c:legendPos val=\"b\"/>");
    // Anchored at A6, 720 x 400 pixels.
    std::string drawing = out.part("xl/drawings/drawing1.xml");
    KINERJA_CHECK_HAS(drawing,
                      "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff>"
                      "<xdr:row>5</xdr:row>");
    // 720 px = 11 default columns of 64 px + 16 px (152400 EMU); 400 px = 20 rows of 20 px.
    KINERJA_CHECK_HAS(drawing,
                      "<xdr:to><xdr:col>11</xdr:col><xdr:colOff>152400</xdr:colOff>"
                      "<xdr:row>25</xdr:row><xdr:rowOff>0</xdr:rowOff>");
}

BOOST_AUTO_TEST_CASE(reading_the_output_carries_the_chart) {
    Workbook wb = grafik_workbook();
    DefinedName marker{"_Kinerja_Grafik", 0, "'Grafik'!$A$1", true};
    wb.names.push_back(marker);
    Written out(wb);
    Workbook back = read_workbook(out.file());
    BOOST_TEST(carried_chart(back, "xl/charts/chart1.xml"));
    BOOST_TEST(back.sheets.at(0).charts.empty());
    // The marker a re-fill recognises its own Grafik sheet by survives, hidden.
    bool found = false;
    for (const DefinedName& n : back.names)
        if (n.name == "_Kinerja_Grafik" && n.local_sheet == 0 && n.hidden) found = true;
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(charts_on_several_sheets_get_their_own_parts) {
    Workbook wb = grafik_workbook();
    Chart only_target = wb.sheets[0].charts[0];
    wb.sheets.emplace_back();
    Sheet& rekap = wb.sheets.back();
    rekap.name = "Rekap Wilayah";
    rekap.put(text_cell(0, 0, "Lapas Mataram"));
    rekap.put(text_cell(1, 0, "Rutan Praya"));
    rekap.put(number_cell(0, 1, 0.1 + 0.2));
    rekap.put(number_cell(1, 1, 97));
    Chart broken;  // nothing drawable: reported, and no part number taken
    broken.series.push_back({"Hilang", "", "'Tidak Ada'!$B$1:$B$2", {}, false, false});
    broken.series.push_back({"Kotak", "", "'Rekap Wilayah'!$A$1:$B$2", {}, false, false});
    Chart units;
    units.type = Chart::Type::bar;
    units.title = "Capaian per Satker";
    units.value_min = 0;
    units.legend = false;
    units.series.push_back(
        {"Capaian", "'Rekap Wilayah'!$A$1:$A$2", "'Rekap Wilayah'!$B$1:$B$2", {}, false, false});
    units.series.push_back({"Target", "", "'Rekap Wilayah'!$B$1:$B$2", {}, true, false});
    rekap.charts = {broken, units};
    only_target.title = "Kedua";
    only_target.series.erase(only_target.series.begin());
    rekap.charts.push_back(only_target);
    Written out(wb);

    BOOST_TEST(out.reported("chart without a series it can draw"));
    BOOST_TEST(out.reported("not one row or column"));
    BOOST_TEST(out.reported("line series in a horizontal bar chart drawn as bars"));
    BOOST_TEST(!out.reported("chart values cached"));
    std::string second = out.part("xl/charts/chart2.xml");
    parsed(second);
    KINERJA_CHECK_HAS(second, "<a:t>Capaian per Satker</a:t>");
    KINERJA_CHECK_HAS(second, "<c:barDir val=\"bar\"/>");
    KINERJA_CHECK_HAS(second, "<c:f>'Rekap Wilayah'!$B$1:$B$2</c:f>");
    KINERJA_CHECK_HAS(second, "<c:v>0.30000000000000004</c:v>");
    KINERJA_CHECK_LACKS(second, "<c:lineChart>");
    KINERJA_CHECK_LACKS(second, "<c:legend>");
    // The value axis of horizontal bars carries the bound.
    pugi::xml_document doc = parsed(second);
    pugi::xml_node plot = doc.child("c:chartSpace").child("c:chart").child("c:plotArea");
    BOOST_TEST(plot.child("c:valAx").child("c:scaling").child("c:min").attribute("val").value() ==
               std::string("0"));
    // A column chart whose only series is a line is a line chart.
    std::string third = out.part("xl/charts/chart3.xml");
    KINERJA_CHECK_HAS(third, "<a:t>Kedua</a:t>");
    KINERJA_CHECK_HAS(third, "<c:lineChart>");
    KINERJA_CHECK_LACKS(third, "<c:barChart>");
    Workbook back = read_workbook(out.file());
    for (const char* part :
         {"xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"})
        BOOST_TEST(carried_chart(back, part), part);
}

BOOST_AUTO_TEST_CASE(bad_anchors_sizes_and_bounds_are_reported) {
    Workbook wb = grafik_workbook();
    Chart chart = wb.sheets[0].charts[0];
    wb.sheets[0].charts.clear();
    Chart outside = chart;
    outside.row = max_rows;
    Chart odd = chart;
    odd.width = -5;
    odd.value_min = 200;
    odd.value_max = 100;
    odd.title = "=Judul\x01";
    wb.sheets[0].charts = {outside, odd};
    Written out(wb);
    BOOST_TEST(out.reported("chart out of bounds"));
    BOOST_TEST(out.reported("chart size out of range"));
    BOOST_TEST(out.reported("chart axis minimum not below its maximum"));
    std::string xml = out.part("xl/charts/chart1.xml");
    KINERJA_CHECK_HAS(xml, "<a:t>Judul</a:t>");
    KINERJA_CHECK_LACKS(xml, "<c:min ");
    BOOST_TEST(run({"unzip", "-t", out.file().string()}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(libreoffice_draws_the_chart) {
    if (!have_program("soffice")) {
        BOOST_TEST_MESSAGE("soffice not installed: LibreOffice check not run");
        return;
    }
    Written out(grafik_workbook());
    ScratchDir scratch;
    std::string profile = "-env:UserInstallation=file://" + (scratch / "profile").string();
    RunResult r = run({"soffice", profile, "--headless", "--convert-to", "pdf", "--outdir",
                       scratch.path().string(), out.file().string()});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    BOOST_REQUIRE(std::filesystem::file_size(scratch / "out.pdf") > 0);
    if (!have_program("pdftotext")) return;
    RunResult text = run({"pdftotext", (scratch / "out.pdf").string(), "-"});
    BOOST_REQUIRE(text.exit_code == 0);
    // Text only the chart has: its title, axis title and the line's legend entry.
    KINERJA_CHECK_HAS(text.out, "Capaian Kinerja per Indikator");
    KINERJA_CHECK_HAS(text.out, "Target 100%");
}

BOOST_AUTO_TEST_SUITE_END()
