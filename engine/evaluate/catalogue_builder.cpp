// The one reading of catalogue and settings values: what each key accepts, and the words for
// what is wrong. The TOML loaders (catalogue_load.cpp, settings.cpp) and the Rumus sheet
// (fill/rumus_sheet.cpp) feed it; they keep only their own structure.
#include "evaluate/catalogue_builder.hpp"

namespace kinerja {

namespace {

bool valid_id(std::string_view id) {
    if (id.empty() || id.front() == '.' || id.back() == '.') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                  (c == '.' && id[i - 1] != '.');
        if (!ok) return false;
    }
    return true;
}

// The key each enum is set under, for the messages.
std::string_view key_of(Direction) {
    return "arah";
}
std::string_view key_of(PeriodCombine) {
    return "periode";
}
std::string_view key_of(TurunRule) {
    return "turun";
}
std::string_view key_of(Rounding::Mode) {
    return "pembulatan";
}

}  // namespace

void CatalogueBuilder::report(const Entry& value, Message message) {
    ++problems_;
    source_.report(value, std::move(message));
}

bool CatalogueBuilder::is(std::string_view key, std::string_view name) const {
    return source_.word(key) == source_.word(name);
}

std::optional<std::string> CatalogueBuilder::text(const Entry& value, std::string_view key) {
    if (value.text) return value.text;
    std::string k(key);
    report(value, {"'" + k + "' harus berupa teks", "'" + k + "' must be text"});
    return std::nullopt;
}

template <class E>
std::optional<E> CatalogueBuilder::choice(const Entry& value, std::string_view key) {
    auto written = text(value, key);
    if (!written) return std::nullopt;
    const auto words = enum_words(E{});
    for (const auto& w : words)
        if (source_.word(*written) == source_.word(w.word)) return w.value;
    std::string allowed;
    for (const auto& w : words) {
        if (std::string_view(word_of(w.value)) != w.word) continue;  // another spelling
        allowed += std::string(allowed.empty() ? "" : ", ") + "\"" + w.word + "\"";
    }
    std::string k(key);
    report(value, {"nilai '" + *written + "' untuk '" + k + "' tidak dikenal; pilih " + allowed,
                   "unknown value '" + *written + "' for '" + k + "'; choose " + allowed});
    return std::nullopt;
}

std::optional<Direction> CatalogueBuilder::direction(const Entry& value) {
    return choice<Direction>(value, key_of(Direction{}));
}

bool CatalogueBuilder::set(Rounding& rounding, std::string_view key, const Entry& value) {
    if (is(key, key_of(Rounding::Mode{}))) {
        if (auto mode = choice<Rounding::Mode>(value, key_of(Rounding::Mode{})))
            rounding.mode = *mode;
        return true;
    }
    if (!is(key, "desimal")) return false;
    if (value.number && value.whole && *value.number >= 0 && *value.number <= 10) {
        rounding.decimals = static_cast<int>(*value.number);
    } else {
        report(value, {"'desimal' harus bilangan bulat 0 sampai 10",
                       "'desimal' must be a whole number 0 to 10"});
    }
    return true;
}

bool CatalogueBuilder::set(Settings& settings, std::string_view key, const Entry& value) {
    if (set(settings.rounding, key, value)) return true;
    if (is(key, key_of(TurunRule{}))) {
        if (auto rule = choice<TurunRule>(value, key_of(TurunRule{}))) settings.turun = *rule;
        return true;
    }
    if (is(key, "batas_atas")) {
        if (value.text && source_.word(*value.text) == source_.word("tanpa")) {
            settings.cap.reset();
        } else if (value.number && value.whole &&
                   (*value.number == 100 || *value.number == 120 || *value.number == 150)) {
            settings.cap = *value.number;
        } else {
            report(value, {"'batas_atas' harus \"tanpa\", 100, 120 atau 150",
                           "'batas_atas' must be \"tanpa\", 100, 120 or 150"});
        }
        return true;
    }
    if (is(key, "skala")) {
        auto name = text(value, "skala");
        if (!name) return true;
        for (const auto& [known, scale] : settings.scales) {
            if (source_.word(known) != source_.word(*name)) continue;
            settings.scale = scale;
            return true;
        }
        std::string known;
        for (const auto& [n, s] : settings.scales) known += (known.empty() ? "" : ", ") + n;
        report(value, {"skala '" + *name + "' tidak ada; yang ada: " + known,
                       "no scale '" + *name + "'; known: " + known});
        return true;
    }
    return false;
}

bool CatalogueBuilder::set(Indicator& indicator, std::string_view key, const Entry& value) {
    if (is(key, "id")) {
        auto id = text(value, "id");
        if (!id) return true;
        indicator.id = *id;
        if (!valid_id(*id)) {
            report(value,
                   {"id '" + *id + "' tidak sah: pakai huruf kecil, angka, '_' dan '.'",
                    "invalid id '" + *id + "': use lower case letters, digits, '_' and '.'"});
        }
        return true;
    }
    if (is(key, key_of(Direction{}))) {
        if (auto d = direction(value)) indicator.direction = *d;
        return true;
    }
    if (is(key, key_of(PeriodCombine{}))) {
        if (auto p = choice<PeriodCombine>(value, key_of(PeriodCombine{}))) indicator.period = *p;
        return true;
    }
    // Plain text fields, and where a formula sits (its diagnostics point into it).
    struct TextField {
        std::string_view key;
        std::string Indicator::*field;
        SourceRef Indicator::*at;
    };
    static constexpr TextField fields[] = {
        {"nama", &Indicator::name, nullptr},
        {"sasaran", &Indicator::sasaran, nullptr},
        {"catatan", &Indicator::note, nullptr},
        {"realisasi", &Indicator::realisasi, &Indicator::realisasi_at},
        {"capaian", &Indicator::capaian, &Indicator::capaian_at},
    };
    for (const TextField& f : fields) {
        if (!is(key, f.key)) continue;
        if (auto t = text(value, f.key)) {
            indicator.*f.field = *t;
            if (f.at) indicator.*f.at = value.at;
        }
        return true;
    }
    if (is(key, "satuan")) {
        if (auto unit = text(value, "satuan")) indicator.units.push_back(*unit);
        return true;
    }
    return false;
}

bool CatalogueBuilder::set(Variable& input, std::string_view key, const Entry& value) {
    if (!is(key, key_of(PeriodCombine{}))) return false;
    if (auto p = choice<PeriodCombine>(value, key_of(PeriodCombine{}))) input.period = *p;
    return true;
}

}  // namespace kinerja
