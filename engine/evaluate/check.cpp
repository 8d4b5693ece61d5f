// The catalogue checks behind `kinerja formulas check`: formula syntax, unknown names with
// the nearest known one, cycles among derived values, unused inputs, duplicate ids and names.
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <set>

#include "evaluate/catalogue_internal.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

namespace {

enum class NameKind { input, derived, constant, builtin };

struct IndicatorChecker {
    const Indicator& ind;
    const SourceFile& file;
    std::vector<Diagnostic>& out;
    std::map<std::string, NameKind> names;
    std::map<std::string, std::set<std::string>> uses;  // formula owner -> names it uses
    std::size_t errors_before = out.size();

    void error(const SourceRef& at, Message m, int length = 1) {
        out.push_back(file.at(at, std::move(m), Severity::error, length));
    }
    void warning(const SourceRef& at, Message m, int length = 1) {
        out.push_back(file.at(at, std::move(m), Severity::warning, length));
    }

    void declare(const std::string& name, NameKind kind, const SourceRef& at) {
        int length = static_cast<int>(name.size());
        if (!is_valid_variable_name(name)) {
            error(at,
                  {"nama '" + name + "' tidak sah: pakai huruf kecil, angka dan '_', diawali huruf",
                   "invalid name '" + name +
                       "': use lower case letters, digits and '_', starting with a letter"},
                  length);
        } else if (is_reserved_name(name)) {
            error(at,
                  {"nama '" + name + "' sudah dipakai bahasa rumus; pilih nama lain",
                   "name '" + name + "' is reserved by the formula language; choose another"},
                  length);
        }
        if (names.count(name)) {
            error(at,
                  {"nama '" + name + "' dideklarasikan dua kali di indikator '" + ind.id + "'",
                   "name '" + name + "' is declared twice in indicator '" + ind.id + "'"},
                  length);
            return;
        }
        names[name] = kind;
    }

    std::string nearest(const std::string& name, bool capaian) const {
        std::string hint;
        std::size_t best = std::max<std::size_t>(3, name.size() / 3 + 1);
        auto consider = [&](const std::string& candidate) {
            std::size_t d = edit_distance(name, candidate);
            if (d < best) {
                best = d;
                hint = candidate;
            }
        };
        for (const auto& [known, kind] : names) consider(known);
        if (capaian) {
            consider("target");
            consider("realisasi");
        }
        return hint;
    }

    // Checks one formula; returns the names it uses (known or not).
    void formula(const std::string& owner, const std::string& text, const SourceRef& at,
                 bool capaian) {
        ParsedExpression parsed = parse_expression(text);
        for (const auto& problem : parsed.problems)
            out.push_back(file.in_formula(at, text, problem));
        if (!parsed.ok()) return;
        auto& used = uses[owner];
        for (const Node* node : names_used(parsed)) {
            const std::string& name = node->name;
            used.insert(name);
            if (names.count(name) || name == "NA") continue;
            Problem p{node->pos, node->len, {}};
            if (name == "target" || name == "realisasi" || name == "capaian") {
                if (capaian && name != "capaian") continue;
                p.message = {"'" + name + "' hanya dapat dipakai dalam rumus capaian",
                             "'" + name + "' can only be used in the capaian formula"};
                if (name == "capaian") {
                    p.message = {"rumus tidak dapat memakai 'capaian' (hasilnya sendiri)",
                                 "a formula cannot use 'capaian' (its own result)"};
                }
            } else {
                std::string hint = nearest(name, capaian);
                p.message = {"nama tidak dikenal '" + name + "'", "unknown name '" + name + "'"};
                if (!hint.empty()) {
                    p.message.id += " (mungkin maksudnya '" + hint + "'?)";
                    p.message.en += " (did you mean '" + hint + "'?)";
                } else {
                    p.message.id += " (tambahkan di [indikator.masukan])";
                    p.message.en += " (declare it in [indikator.masukan])";
                }
            }
            out.push_back(file.in_formula(at, text, p));
        }
    }

    void cycles() {
        std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
        std::vector<std::string> path;
        std::set<std::set<std::string>> reported;
        std::function<void(const std::string&)> visit = [&](const std::string& name) {
            state[name] = 1;
            path.push_back(name);
            for (const auto& next : uses["turunan." + name]) {
                if (!names.count(next) || names.at(next) != NameKind::derived) continue;
                if (state[next] == 1) {
                    auto from = std::find(path.begin(), path.end(), next);
                    std::set<std::string> members(from, path.end());
                    if (!reported.insert(members).second) continue;
                    std::string chain;
                    for (auto it = from; it != path.end(); ++it) chain += *it + " -> ";
                    chain += next;
                    const auto& d =
                        *std::find_if(ind.derived.begin(), ind.derived.end(),
                                      [&](const NamedFormula& f) { return f.name == next; });
                    error(d.at, {"nilai turunan melingkar: " + chain,
                                 "derived values form a cycle: " + chain});
                } else if (state[next] == 0) {
                    visit(next);
                }
            }
            path.pop_back();
            state[name] = 2;
        };
        for (const auto& d : ind.derived) {
            if (state[d.name] == 0) visit(d.name);
        }
    }

    void unused() {
        std::set<std::string> reached;
        std::vector<std::string> queue(uses["realisasi"].begin(), uses["realisasi"].end());
        queue.insert(queue.end(), uses["capaian"].begin(), uses["capaian"].end());
        while (!queue.empty()) {
            std::string name = queue.back();
            queue.pop_back();
            if (!reached.insert(name).second) continue;
            if (names.count(name) && names.at(name) == NameKind::derived) {
                for (const auto& next : uses["turunan." + name]) queue.push_back(next);
            }
        }
        for (const auto& v : ind.inputs) {
            if (reached.count(v.name)) continue;
            warning(v.at, {"masukan '" + v.name + "' tidak dipakai rumus mana pun",
                           "input '" + v.name + "' is not used by any formula"});
        }
        for (const auto& d : ind.derived) {
            if (reached.count(d.name)) continue;
            warning(d.at, {"nilai turunan '" + d.name + "' tidak dipakai",
                           "derived value '" + d.name + "' is not used"});
        }
        for (const auto& c : ind.constants) {
            if (reached.count(c.name)) continue;
            warning(c.at, {"konstanta '" + c.name + "' tidak dipakai",
                           "constant '" + c.name + "' is not used"});
        }
    }

    void run() {
        for (const auto& v : ind.inputs) declare(v.name, NameKind::input, v.at);
        for (const auto& d : ind.derived) declare(d.name, NameKind::derived, d.at);
        for (const auto& c : ind.constants) declare(c.name, NameKind::constant, c.at);
        if (ind.units.empty() || std::any_of(ind.units.begin(), ind.units.end(),
                                             [](const std::string& u) { return u.empty(); })) {
            if (!ind.units.empty())
                error(ind.at, {"satuan tidak boleh kosong", "units cannot be empty"});
        }
        for (const auto& d : ind.derived) formula("turunan." + d.name, d.formula, d.at, false);
        if (!ind.realisasi.empty() || ind.realisasi_at.line) {
            formula("realisasi", ind.realisasi, ind.realisasi_at, false);
        }
        if (!ind.capaian.empty()) formula("capaian", ind.capaian, ind.capaian_at, true);
        cycles();
        unused();
        bool has_errors =
            std::any_of(out.begin() + static_cast<long>(errors_before), out.end(),
                        [](const Diagnostic& d) { return d.severity == Severity::error; });
        if (has_errors || ind.realisasi.empty()) return;
        // Whatever the checks above could not see (inlined size): compile it for real.
        std::vector<Problem> problems;
        build_formula(ind.realisasi, indicator_scope(ind, nullptr, false), problems);
        for (const auto& p : problems)
            out.push_back(file.in_formula(ind.realisasi_at, ind.realisasi, p));
    }
};

void check_duplicates(const Catalogue& catalogue, const SourceFile& file,
                      std::vector<Diagnostic>& out) {
    std::map<std::string, const Indicator*> ids;
    std::map<std::string, const Indicator*> names;
    for (const auto& ind : catalogue.indicators) {
        if (!ind.id.empty()) {
            auto [it, fresh] = ids.emplace(ind.id, &ind);
            if (!fresh) {
                out.push_back(file.at(
                    ind.at, {"id '" + ind.id + "' sudah dipakai indikator di baris " +
                                 std::to_string(it->second->at.line),
                             "id '" + ind.id + "' is already used by the indicator on line " +
                                 std::to_string(it->second->at.line)}));
            }
        }
        std::set<std::string> own;
        std::vector<std::string> all = {ind.name};
        all.insert(all.end(), ind.variants.begin(), ind.variants.end());
        for (const auto& name : all) {
            std::string key = normalize_indicator_name(name);
            if (key.empty()) {
                out.push_back(file.at(ind.at, {"nama indikator kosong", "empty indicator name"}));
                continue;
            }
            if (!own.insert(key).second) {
                out.push_back(file.at(
                    ind.at,
                    {"varian '" + name + "' sama dengan nama lain indikator '" + ind.id + "'",
                     "variant '" + name + "' repeats another name of indicator '" + ind.id + "'"},
                    Severity::warning));
                continue;
            }
            auto [it, fresh] = names.emplace(key, &ind);
            if (!fresh && it->second != &ind) {
                out.push_back(file.at(
                    ind.at, {"nama '" + name + "' juga dipakai indikator '" + it->second->id +
                                 "' (baris " + std::to_string(it->second->at.line) + ")",
                             "name '" + name + "' is also used by indicator '" + it->second->id +
                                 "' (line " + std::to_string(it->second->at.line) + ")"}));
            }
        }
    }
}

}  // namespace

NameScope indicator_scope(const Indicator& ind, const Settings* settings, bool for_capaian) {
    NameScope scope;
    for (const auto& v : ind.inputs) scope.variables.push_back(v.name);
    if (for_capaian) {
        scope.variables.push_back("target");
        scope.variables.push_back("realisasi");
    }
    for (const auto& c : ind.constants) scope.constants[c.name] = c.value;
    if (settings) {
        if (auto it = settings->constants.find(ind.id); it != settings->constants.end()) {
            for (const auto& [name, value] : it->second) scope.constants[name] = value;
        }
    }
    for (const auto& d : ind.derived) scope.derived[d.name] = d.formula;
    return scope;
}

void check_catalogue_content(const Catalogue& catalogue, const SourceFile& file,
                             std::vector<Diagnostic>& out) {
    check_duplicates(catalogue, file, out);
    for (const auto& ind : catalogue.indicators) {
        IndicatorChecker checker{ind, file, out, {}, {}};
        checker.run();
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
}

}  // namespace kinerja::evaluate_detail

namespace kinerja {

using namespace evaluate_detail;

bool CatalogueCheck::usable() const {
    return std::none_of(diagnostics.begin(), diagnostics.end(),
                        [](const Diagnostic& d) { return d.severity == Severity::error; });
}

CatalogueCheck check_catalogue_text(std::string_view text, const std::string& file_name) {
    CatalogueCheck result;
    SourceFile file(file_name, std::string(text));
    result.catalogue = read_catalogue(file, result.diagnostics);
    check_catalogue_content(result.catalogue, file, result.diagnostics);
    return result;
}

CatalogueCheck check_catalogue(const std::filesystem::path& file) {
    return check_catalogue_text(read_text_file(file), file.string());
}

Catalogue load_catalogue(const std::filesystem::path& file) {
    CatalogueCheck check = check_catalogue(file);
    for (const auto& d : check.diagnostics) {
        if (d.severity != Severity::error) continue;
        std::string where = "baris " + std::to_string(d.line);
        throw InputError(
            file.string(), where,
            {d.message.id + " (jalankan: kinerja formulas check " + file.string() + ")",
             d.message.en + " (run: kinerja formulas check " + file.string() + ")"});
    }
    return std::move(check.catalogue);
}

const Indicator* Catalogue::find(std::string_view id) const {
    for (const auto& ind : indicators) {
        if (ind.id == id) return &ind;
    }
    return nullptr;
}

std::filesystem::path default_formulas_dir() {
    if (const char* env = std::getenv("KINERJA_FORMULAS"); env && *env) return env;
    std::error_code ec;
    if (std::filesystem::exists("formulas/indikator.toml", ec)) return "formulas";
    return std::filesystem::path(KINERJA_SOURCE_DIR) / "formulas";
}

}  // namespace kinerja
