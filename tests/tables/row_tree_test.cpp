// row_tree: how a table's rows nest, from codes over several kode columns, outline levels,
// and the label column's indentation and bold.
#include <boost/test/unit_test.hpp>

#include "support/cells.hpp"
#include "tables/tables.hpp"

using namespace kinerja;

namespace {

using Parents = std::map<std::uint32_t, std::uint32_t>;

// Kode | Kode | Uraian | Pagu, data from row 1 to `last`.
Table budget_table(std::uint32_t last) {
    Table t;
    t.kind = TableKind::anggaran;
    t.sheet = "LRA";
    t.first_row = 1;
    t.last_row = last;
    t.columns = {{ColumnRole::kode, 0},
                 {ColumnRole::kode, 1},
                 {ColumnRole::uraian, 2},
                 {ColumnRole::pagu, 3}};
    return t;
}

RowTree tree_of(const Workbook& wb, const Table& t) {
    const Sheet& s = wb.sheets.front();
    return row_tree(wb, s, t, table_rows(s, t));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(row_tree_suite)

BOOST_AUTO_TEST_CASE(codes_over_two_columns_nest_by_their_leading_segments) {
    Workbook wb;
    Sheet s;
    s.name = "LRA";
    // (program or kegiatan code, rekening code): a kegiatan 1.02.01.2.01 sits under its
    // program 1.02.01 though it adds two segments; a rekening under the row it follows.
    const char* codes[][2] = {{"1.02.01", ""},
                              {"1.02.01.2.01", ""},
                              {"1.02.01.2.01", "5.1"},
                              {"1.02.01.2.01", "5.1.02"},
                              {"1.02.01.2.01", "5.1.03"},
                              {"1.02.01.2.02", ""},
                              {"1.02.01.2.02", "5.1"},
                              {"1.02.02", ""}};
    for (std::uint32_t i = 0; i < 8; ++i) {
        test::put_text(s, i + 1, 0, codes[i][0]);
        if (*codes[i][1]) test::put_text(s, i + 1, 1, codes[i][1]);
        test::put_text(s, i + 1, 2, "Uraian " + std::to_string(i));
        test::put_number(s, i + 1, 3, 100);
    }
    test::put_text(s, 9, 2, "JUMLAH");
    test::put_number(s, 9, 3, 200);
    wb.sheets.push_back(std::move(s));
    RowTree tree = tree_of(wb, budget_table(9));
    BOOST_TEST((tree.source == TreeSource::codes));
    Parents expected{{2, 1}, {3, 2}, {4, 3}, {5, 3}, {6, 1}, {7, 6}};
    BOOST_TEST((tree.parent == expected));  // 1.02.02 and the JUMLAH row have no parent
}

BOOST_AUTO_TEST_CASE(outline_levels_follow_where_the_sheet_puts_its_summaries) {
    for (bool below : {true, false}) {
        Workbook wb;
        Sheet s;
        s.name = "LRA";
        s.view.summary_below = below;
        // Below: two details then their summary; above: the summary first.
        int levels[] = {1, 1, 0, 1, 0};
        if (!below) levels[0] = 0, levels[1] = 1, levels[2] = 1, levels[3] = 0, levels[4] = 1;
        for (std::uint32_t i = 0; i < 5; ++i) {
            test::put_text(s, i + 1, 2, "Baris " + std::to_string(i));
            test::put_number(s, i + 1, 3, 10);
            s.rows[i + 1].outline_level = static_cast<std::uint8_t>(levels[i]);
        }
        wb.sheets.push_back(std::move(s));
        RowTree tree = tree_of(wb, budget_table(5));
        BOOST_TEST((tree.source == TreeSource::outline));
        Parents expected =
            below ? Parents{{1, 3}, {2, 3}, {4, 5}} : Parents{{2, 1}, {3, 1}, {5, 4}};
        BOOST_TEST((tree.parent == expected), (below ? "below" : "above"));
    }
}

BOOST_AUTO_TEST_CASE(bold_and_indentation_head_the_rows_below) {
    Workbook wb;
    Style bold;
    bold.font.bold = true;
    Style indented;
    indented.alignment.indent = 1;
    std::uint32_t b = wb.intern_style(bold), in = wb.intern_style(indented);
    Sheet s;
    s.name = "LRA";
    test::put_text(s, 1, 2, "Program A");
    test::put_text(s, 2, 2, "Kegiatan A1");
    test::put_text(s, 3, 2, "  Sub kegiatan A1a");  // typed spaces indent too
    test::put_text(s, 4, 2, "Kegiatan A2");
    test::put_text(s, 5, 2, "Program B");
    for (std::uint32_t r = 1; r <= 5; ++r) test::put_number(s, r, 3, 10);
    s.find(1, 2)->style = b;
    s.find(5, 2)->style = b;
    s.find(2, 2)->style = in;
    s.find(4, 2)->style = in;
    s.find(3, 2)->style = in;
    wb.sheets.push_back(std::move(s));
    RowTree tree = tree_of(wb, budget_table(5));
    BOOST_TEST((tree.source == TreeSource::layout));
    Parents expected{{2, 1}, {3, 2}, {4, 1}};
    BOOST_TEST((tree.parent == expected));
}

BOOST_AUTO_TEST_CASE(a_flat_table_has_no_tree) {
    Workbook wb;
    Sheet s;
    s.name = "LRA";
    for (std::uint32_t r = 1; r <= 3; ++r) {
        test::put_text(s, r, 0, std::to_string(r));  // numbering 1, 2, 3 is no tree
        test::put_text(s, r, 2, "Belanja " + std::to_string(r));
        test::put_number(s, r, 3, 10);
    }
    wb.sheets.push_back(std::move(s));
    RowTree tree = tree_of(wb, budget_table(3));
    BOOST_TEST((tree.source == TreeSource::none));
    BOOST_TEST(tree.parent.empty());
}

BOOST_AUTO_TEST_SUITE_END()
