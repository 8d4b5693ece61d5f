// BoundTemplate: the template read and personalised once. personalise() finds the satker's place in
// the title lines (the NAMA SATUAN KERJA placeholder, or the satker a title names) but reads the
// tables to do so; running it per unit would cost a table search each. So it runs once with
// a marker as the satker, and each unit only swaps the marker in the cells that got it.
#include "pipeline/pipeline.hpp"
#include "templates/templates.hpp"

namespace kinerja {

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

BoundTemplate BoundTemplate::bind(const WorkbookSource& source, const ReadLimits& limits) {
    BoundTemplate base;
    base.model_ = source.read(limits);
    DocProperties original = base.model_.properties;
    personalise(base.model_, {std::string(marker), std::nullopt});
    // personalise dates the document now; the outputs must not depend on when they ran.
    base.model_.properties = original;
    base.tables_ = understand(base.model_).tables;
    for (std::size_t s = 0; s < base.model_.sheets.size(); ++s) {
        for (const Cell& cell : base.model_.sheets[s].cells) {
            bool has = cell.value.kind == CellValue::Kind::text &&
                       cell.value.text.find(marker) != std::string::npos;
            if (has) base.slots_.push_back({s, cell.row, cell.col});
        }
    }
    return base;
}

std::string BoundTemplate::output_extension() const {
    return kinerja::output_extension(model_);
}

Workbook BoundTemplate::copy_for(const std::string& satker) const {
    Workbook workbook = model_;
    for (const Slot& slot : slots_) {
        Cell* cell = workbook.sheets[slot.sheet].find(slot.row, slot.col);
        if (!cell) continue;
        cell->value.text = replaced(cell->value.text, satker);
        if (cell->rich) {
            auto runs = std::make_shared<std::vector<RichRun>>(*cell->rich);
            for (RichRun& run : *runs) run.text = replaced(run.text, satker);
            cell->rich = std::move(runs);
        }
    }
    if (!slots_.empty()) workbook.properties.subject = satker;
    return workbook;
}

std::vector<Table> BoundTemplate::tables_for(const std::string& satker) const {
    std::vector<Table> tables = tables_;
    for (Table& table : tables) {
        for (std::string& line : table.title) line = replaced(line, satker);
        table.satker = replaced(table.satker, satker);
    }
    return tables;
}

}  // namespace kinerja
