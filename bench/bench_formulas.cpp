// Indicator evaluations per second for the whole catalogue on one core: the muParser engine
// against the same formulas written by hand in C++ (same not-applicable rules, same rounding).
//
//   cmake --build build --target bench_formulas && ./build/bench_formulas [seconds]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "evaluate/evaluate.hpp"

using namespace kinerja;

namespace {

using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------- the hand-written formulas

double pct(double a, double b) {
    return is_na(a) || is_na(b) || b == 0 ? na : a / b * 100;
}

double wavg_na(const double* values, const double* weights, int n) {
    double sum = 0, total = 0;
    for (int i = 0; i < n; ++i) {
        if (is_na(values[i]) || is_na(weights[i])) continue;
        sum += values[i] * weights[i];
        total += weights[i];
    }
    return total == 0 ? na : sum / total;
}

double ratio(const double* in) {
    return pct(in[0], in[1]);
}
double identity(const double* in) {
    return in[0];
}
double hiv_tb(const double* in) {
    double a = pct(in[0], in[1]), b = pct(in[2], in[3]);
    if (is_na(a) && is_na(b)) return na;
    if (is_na(a)) return b;
    if (is_na(b)) return a;
    return (a + b) / 2;
}
double decrease(const double* in) {
    return is_na(in[0]) || is_na(in[1]) ? na : pct(in[0] - in[1], in[0]);
}
double litmas_bimbingan(const double* in) {
    for (int i = 0; i < 4; ++i) {
        if (is_na(in[i])) return na;
    }
    return pct(in[0] + in[2], in[1] + in[3]);
}
double sisa(const double* in) {
    return is_na(in[0]) || is_na(in[1]) ? na : in[1] - in[0];
}
double ikpa(const double* in) {
    static const double weights[] = {10, 10, 20, 10, 10, 10, 5, 25};
    return wavg_na(in, weights, 8);
}
double ikpa_2024(const double* in) {
    static const double weights[] = {10, 15, 20, 10, 10, 10, 25};
    double score = wavg_na(in, weights, 7);
    if (is_na(score)) return na;
    double deduction = is_na(in[7]) ? 0 : in[7];
    return std::max(0.0, score - deduction);
}
double nilai_kinerja(const double* in) {
    return is_na(in[0]) || is_na(in[1]) ? na : (60 * in[0] + 40 * in[1]) / (60 + 40);
}

using Hand = double (*)(const double*);

// The hand version of an indicator, chosen by its formula; nullptr if none was written.
Hand hand_for(const Indicator& ind) {
    const std::string& f = ind.realisasi;
    if (ind.id == "perawatan.hiv_tb") return hiv_tb;
    if (ind.id == "bapas.litmas_bimbingan") return litmas_bimbingan;
    if (ind.id == "anggaran.sisa") return sisa;
    if (ind.id == "anggaran.ikpa") return ikpa;
    if (ind.id == "anggaran.ikpa_2024") return ikpa_2024;
    if (ind.id == "anggaran.nilai_kinerja") return nilai_kinerja;
    if (f.rfind("pct(", 0) == 0 && f.find(" - ") != std::string::npos) return decrease;
    if (f.rfind("pct(", 0) == 0) return ratio;
    if (ind.inputs.size() == 1 && f == ind.inputs[0].name) return identity;
    return nullptr;
}

// ---------------------------------------------------------------- inputs

struct Workload {
    std::vector<std::vector<std::vector<double>>> sets;  // [set][indicator] -> inputs
    std::vector<double> targets;
};

Workload make_workload(const CompiledCatalogue& compiled, int sets) {
    Workload w;
    unsigned state = 12345;
    auto next = [&] {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7fff;
    };
    for (int s = 0; s < sets; ++s) {
        std::vector<std::vector<double>> per_indicator;
        for (std::size_t i = 0; i < compiled.size(); ++i) {
            std::vector<double> inputs;
            for (std::size_t k = 0; k < compiled.indicator(i).inputs.size(); ++k) {
                unsigned r = next();
                // Mostly counts, some decimals, some zeros and not-applicable values.
                inputs.push_back(r % 23 == 0   ? na
                                 : r % 19 == 0 ? 0
                                               : (r % 3 == 0 ? r % 10000 / 100.0 : r % 2000));
            }
            per_indicator.push_back(std::move(inputs));
        }
        w.sets.push_back(std::move(per_indicator));
        w.targets.push_back(static_cast<double>(next() % 100 + 1));
    }
    return w;
}

// Runs `body(set)` over all sets until `seconds` have passed; returns evaluations per second.
template <class Body>
double measure(double seconds, std::size_t per_pass, int sets, Body body) {
    std::size_t evaluations = 0;
    auto start = Clock::now();
    double elapsed = 0;
    double sink = 0;
    while (elapsed < seconds) {
        for (int s = 0; s < sets; ++s) sink += body(s);
        evaluations += per_pass * static_cast<std::size_t>(sets);
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    if (sink == 12345.678) std::printf(" ");  // keep the work observable
    return static_cast<double>(evaluations) / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
    Settings settings = load_settings(default_formulas_dir() / "pengaturan.toml");
    CompiledCatalogue compiled(catalogue, settings);
    Evaluator evaluator(compiled);
    const int sets = 64;
    Workload w = make_workload(compiled, sets);

    std::vector<Hand> hands;
    for (std::size_t i = 0; i < compiled.size(); ++i) {
        hands.push_back(hand_for(compiled.indicator(i)));
        if (!hands.back()) {
            std::fprintf(stderr, "no hand-written version of %s\n",
                         compiled.indicator(i).id.c_str());
            return 1;
        }
    }
    // The two must agree before their speed means anything.
    for (int s = 0; s < sets; ++s) {
        for (std::size_t i = 0; i < compiled.size(); ++i) {
            double engine = evaluator.realisasi(i, w.sets[s][i]);
            double hand = apply_rounding(hands[i](w.sets[s][i].data()), compiled.rounding(i));
            if (!((is_na(engine) && is_na(hand)) || engine == hand)) {
                std::fprintf(stderr, "mismatch on %s: engine %.17g, hand %.17g\n",
                             compiled.indicator(i).id.c_str(), engine, hand);
                return 1;
            }
        }
    }

    const std::size_t n = compiled.size();
    double engine_realisasi = measure(seconds, n, sets, [&](int s) {
        double total = 0;
        for (std::size_t i = 0; i < n; ++i) total += evaluator.realisasi(i, w.sets[s][i]);
        return total;
    });
    double hand_realisasi = measure(seconds, n, sets, [&](int s) {
        double total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            total += apply_rounding(hands[i](w.sets[s][i].data()), compiled.rounding(i));
        }
        return total;
    });
    double engine_full = measure(seconds, n, sets, [&](int s) {
        double total = 0;
        for (std::size_t i = 0; i < n; ++i)
            total += evaluator.evaluate(i, w.sets[s][i], w.targets[s]).capaian;
        return total;
    });
    double hand_full = measure(seconds, n, sets, [&](int s) {
        double total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const Rounding& rounding = compiled.rounding(i);
            double r = apply_rounding(hands[i](w.sets[s][i].data()), rounding);
            double c = compiled.indicator(i).direction == Direction::naik
                           ? capaian_naik(r, w.targets[s])
                           : capaian_turun(r, w.targets[s], settings.turun);
            c = apply_rounding(c, rounding);
            total += c + (kategori(c, settings.scale) ? 1 : 0);
        }
        return total;
    });

    std::printf("bench_formulas: %zu indicators x %d input sets, one thread, %.1f s per figure\n",
                n, sets, seconds);
    std::printf(
        "  realisasi only      muParser %8.2f M/s   hand-written C++ %8.2f M/s   ratio %.2fx\n",
        engine_realisasi / 1e6, hand_realisasi / 1e6, hand_realisasi / engine_realisasi);
    std::printf(
        "  realisasi+capaian+kategori  muParser %8.2f M/s   hand-written C++ %8.2f M/s   ratio "
        "%.2fx\n",
        engine_full / 1e6, hand_full / 1e6, hand_full / engine_full);
    unsigned cores = std::thread::hardware_concurrency();
    std::printf("  (machine: %u hardware threads; evaluations are indicator evaluations)\n", cores);
    return 0;
}
