// The template, read and personalised once. personalise() finds the satker's place in the
// title lines (the NAMA SATUAN KERJA placeholder, or the satker a title names) but reads the
// tables to do so; running it per unit would cost a table search each. So it runs once with
// a marker as the satker, and each unit only swaps the marker in the cells that got it.
#include "batch/template_base.hpp"

#include "pipeline/pipeline.hpp"
#include "read/read.hpp"
#include "templates/templates.hpp"

namespace kinerja::batch_detail {

namespace {

constexpr std::string_view marker = "KINERJA-SATKER-9F3A7C";

std::string replaced(const std::string& text, std::string_view with) {
    std::string out;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find(marker, from)) != std::string::npos;
         from = at + marker.size())
        out.append(text, from, at - from).append(with);
    return out.append(text, from, std::string::npos);
}

}  // namespace

TemplateBase prepare_template(const std::filesystem::path& file) {
    TemplateBase base;
    base.model = read_workbook(file);
    DocProperties original = base.model.properties;
    personalise(base.model, {std::string(marker), std::nullopt});
    // personalise dates the document now; the outputs must not depend on when they ran.
    base.model.properties = original;
    base.tables = bind(base.model);
    for (std::size_t s = 0; s < base.model.sheets.size(); ++s) {
        for (const Cell& cell : base.model.sheets[s].cells) {
            bool has = cell.value.kind == CellValue::Kind::text &&
                       cell.value.text.find(marker) != std::string::npos;
            if (has) base.slots.push_back({s, cell.row, cell.col});
        }
    }
    return base;
}

Workbook unit_workbook(const TemplateBase& base, const std::string& satker) {
    Workbook workbook = base.model;
    for (const TemplateBase::Slot& slot : base.slots) {
        Cell* cell = workbook.sheets[slot.sheet].find(slot.row, slot.col);
        if (!cell) continue;
        cell->value.text = replaced(cell->value.text, satker);
        if (cell->rich) {
            auto runs = std::make_shared<std::vector<RichRun>>(*cell->rich);
            for (RichRun& run : *runs) run.text = replaced(run.text, satker);
            cell->rich = std::move(runs);
        }
    }
    if (!base.slots.empty()) workbook.properties.subject = satker;
    return workbook;
}

std::vector<Table> unit_tables(const TemplateBase& base, const std::string& satker) {
    std::vector<Table> tables = base.tables;
    for (Table& table : tables) {
        for (std::string& line : table.title) line = replaced(line, satker);
        table.satker = replaced(table.satker, satker);
    }
    return tables;
}

}  // namespace kinerja::batch_detail
