// The templates in templates/: each reads back and has what issue 4 promises, and the
// table finder recognises its tables with the expected columns.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <regex>

#include "data/data.hpp"
#include "read/read.hpp"
#include "template_test_util.hpp"
#include "templates/templates.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

const DefinedName* find_name(const Workbook& wb, const std::string& name, int sheet) {
    for (const DefinedName& n : wb.names)
        if (n.name == name && n.local_sheet == sheet) return &n;
    return nullptr;
}

std::vector<const ConditionalFormat*> all_rules(const Workbook& wb) {
    std::vector<const ConditionalFormat*> rules;
    for (const Sheet& s : wb.sheets)
        for (const ConditionalFormat& cf : s.conditional_formats) rules.push_back(&cf);
    return rules;
}

bool has_text(const Workbook& wb, const std::string& needle) {
    for (const Sheet& s : wb.sheets)
        for (const Cell& c : s.cells)
            if (c.value.kind == CellValue::Kind::text &&
                c.value.text.find(needle) != std::string::npos)
                return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(template_parts)

BOOST_AUTO_TEST_CASE(the_list_names_the_templates_that_exist) {
    BOOST_REQUIRE_EQUAL(builtin_templates().size(), 6u);
    for (const TemplateInfo& t : builtin_templates()) {
        auto path = template_path(t.name, templates_dir());
        BOOST_REQUIRE(path);
        BOOST_TEST(std::filesystem::is_regular_file(*path), *path);
        BOOST_TEST(!t.description.id.empty());
        BOOST_TEST(!t.description.en.empty());
    }
    BOOST_TEST(!template_path("rencana", templates_dir()));
    BOOST_TEST(template_path("lain/punya.xlsx", templates_dir()).value() == "lain/punya.xlsx");
    BOOST_TEST(template_path("punya.xlsx", templates_dir()).value() == "punya.xlsx");
}

BOOST_AUTO_TEST_CASE(every_sheet_is_print_ready_and_frozen) {
    for (const TemplateInfo& t : builtin_templates()) {
        BOOST_TEST_CONTEXT(t.name) {
            Workbook wb = read_workbook(templates_dir() / t.file_name);
            BOOST_TEST(!wb.properties.title.empty());
            BOOST_TEST(wb.properties.company == "Kementerian Imigrasi dan Pemasyarakatan");
            BOOST_TEST(wb.dropped.empty());
            for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
                const Sheet& s = wb.sheets[i];
                BOOST_TEST_CONTEXT(s.name) {
                    BOOST_TEST(s.view.frozen_rows >= 4u);
                    BOOST_TEST(s.page.paper == 9);
                    BOOST_TEST(s.page.orientation == "landscape");
                    BOOST_TEST(s.page.fit_to_page);
                    BOOST_TEST(s.page.fit_width == 1);
                    BOOST_TEST(s.page.fit_height == 0);
                    const DefinedName* titles =
                        find_name(wb, "_xlnm.Print_Titles", static_cast<int>(i));
                    BOOST_TEST_REQUIRE(titles);
                    // Rows only ("'Sheet'!$4:$4"): the header rows repeat on every page.
                    BOOST_TEST(std::regex_search(titles->formula, std::regex(R"(!\$\d+:\$\d+$)")),
                               titles->formula);
                    BOOST_TEST(find_name(wb, "_xlnm.Print_Area", static_cast<int>(i)));
                    BOOST_TEST(!s.columns.empty());
                    BOOST_TEST(!s.merges.empty());
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(headers_wrap_and_cells_have_borders) {
    for (const ExpectedTemplate& e : expected_templates()) {
        Workbook wb = read_workbook(templates_dir() / (e.name + ".xlsx"));
        for (const ExpectedTable& t : e.tables) {
            BOOST_TEST_CONTEXT(e.name << " " << t.sheet) {
                const Sheet* s = wb.sheet(t.sheet);
                BOOST_TEST_REQUIRE(s);
                const Cell* header = s->find(t.header_row, 1);
                BOOST_TEST_REQUIRE(header);
                const Style& hs = wb.styles[header->style];
                BOOST_TEST(hs.alignment.wrap);
                BOOST_TEST(hs.font.bold);
                BOOST_TEST(hs.border.bottom.style == BorderStyle::thin);
                const Cell* input = s->find(t.first_row, 1);
                BOOST_TEST_REQUIRE(input);
                BOOST_TEST(wb.styles[input->style].border.left.style == BorderStyle::thin);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(input_cells_take_numbers_and_status_from_a_list) {
    for (const TemplateInfo& t : builtin_templates()) {
        BOOST_TEST_CONTEXT(t.name) {
            Workbook wb = read_workbook(templates_dir() / t.file_name);
            int numbers = 0, status = 0;
            for (const Sheet& s : wb.sheets) {
                for (const DataValidation& v : s.validations) {
                    if (v.type == "decimal") {
                        ++numbers;
                        BOOST_TEST(v.op == "greaterThanOrEqual");
                        BOOST_TEST(v.formula1 == "0");
                        BOOST_TEST(v.error.find("angka 0 atau lebih") != std::string::npos);
                        BOOST_TEST(v.error_style == "warning");
                    } else if (v.type == "list") {
                        ++status;
                        BOOST_TEST(v.formula1 == "\"Belum,Proses,Selesai\"");
                        BOOST_TEST(v.error.find("Belum, Proses atau Selesai") != std::string::npos);
                    }
                }
            }
            BOOST_TEST(numbers >= 1);
            // Every STATUS column has its list; the Renja form has none.
            BOOST_TEST(status >= (has_text(wb, "STATUS") ? 1 : 0));
        }
    }
}

BOOST_AUTO_TEST_CASE(capaian_and_kategori_are_coloured) {
    for (const ExpectedTemplate& e : expected_templates()) {
        BOOST_TEST_CONTEXT(e.name) {
            Workbook wb = read_workbook(templates_dir() / (e.name + ".xlsx"));
            auto rules = all_rules(wb);
            BOOST_TEST(!rules.empty());
            auto expression = [&](const std::string& part) {
                return std::count_if(rules.begin(), rules.end(), [&](const ConditionalFormat* cf) {
                    return cf->type == "expression" && !cf->formulas.empty() &&
                           cf->formulas[0].find(part) != std::string::npos && cf->style &&
                           cf->style->fill;
                });
            };
            // One pair per table with capaian (the budget template has two tables).
            auto pairs = e.capaian_rules ? static_cast<long>(e.tables.size()) : 0L;
            BOOST_TEST(expression("<100)") == pairs);
            BOOST_TEST(expression(">=100)") == pairs);
            for (std::string kode : {"AA", "A", "BB", "B", "CC", "C", "D"}) {
                bool found =
                    std::any_of(rules.begin(), rules.end(), [&](const ConditionalFormat* cf) {
                        return cf->type == "cellIs" && cf->op == "equal" &&
                               cf->formulas.size() == 1 && cf->formulas[0] == "\"" + kode + "\"" &&
                               cf->style && cf->style->fill;
                    });
                BOOST_TEST(found == e.kategori_rules, kode);
            }
        }
    }
    // The RKA marks a row whose ANGKA DASAR + INISIATIF BARU is not its JUMLAH.
    Workbook rka = read_workbook(templates_dir() / "rka-satker.xlsx");
    auto rules = all_rules(rka);
    BOOST_TEST_REQUIRE(rules.size() == 1u);
    BOOST_TEST(rules[0]->formulas.at(0) == "AND(ISNUMBER($F15),ROUND(N($D15)+N($E15)-$F15,0)<>0)");
}

BOOST_AUTO_TEST_CASE(titles_hold_the_placeholders) {
    for (const TemplateInfo& t : builtin_templates()) {
        Workbook wb = read_workbook(templates_dir() / t.file_name);
        BOOST_TEST(has_text(wb, std::string(satker_placeholder)), t.name);
        BOOST_TEST((has_text(wb, "TAHUN 2025") || has_text(wb, "TAHUN ANGGARAN 2025")), t.name);
    }
}

BOOST_AUTO_TEST_CASE(the_table_finder_recognises_every_template) {
    for (const ExpectedTemplate& e : expected_templates()) {
        Workbook wb = read_workbook(templates_dir() / (e.name + ".xlsx"));
        std::vector<Table> tables = find_tables(wb);
        BOOST_TEST_CONTEXT(e.name) {
            BOOST_TEST_REQUIRE(tables.size() == e.tables.size());
            for (std::size_t i = 0; i < tables.size(); ++i) {
                const Table& got = tables[i];
                const ExpectedTable& want = e.tables[i];
                BOOST_TEST(got.sheet == want.sheet);
                BOOST_TEST(kind_name(got.kind) == kind_name(want.kind));
                BOOST_TEST(got.header_row == want.header_row);
                BOOST_TEST(got.first_row == want.first_row);
                BOOST_TEST(got.last_row == want.last_row);
                BOOST_TEST(roles_text(got) == roles_text(want.roles));
                BOOST_TEST(got.satker == std::string(satker_placeholder));
                BOOST_TEST(got.tahun.value_or(0) == 2025);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_data_sheet_has_the_header_the_fill_reads) {
    Workbook wb = read_workbook(templates_dir() / "capaian-kinerja.xlsx");
    const Sheet* data = wb.sheet("Data");
    BOOST_TEST_REQUIRE(data);
    std::vector<std::string> header;
    for (std::uint32_t c = 0; c < 6; ++c) header.push_back(display_text(*data, 3, c));
    BOOST_TEST(header == (std::vector<std::string>{"INDIKATOR", "VARIABEL", "TW I", "TW II",
                                                   "TW III", "TW IV"}),
               boost::test_tools::per_element());
    // The fill stage finds it as the place for the raw inputs.
    BOOST_TEST(read_data_sheet(wb).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
