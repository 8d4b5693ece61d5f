// Shortest exact numbers for a sheet written in libxlsxwriter's constant_memory mode.
//
// libxlsxwriter prints numbers with "%.16G" (engine/write/numbers.hpp). write_workbook patches
// the finished file, which reads it whole; a streamed sheet of many rows must not be held in
// memory. In constant_memory mode libxlsxwriter writes each finished row to the sheet's row
// file (lxw_worksheet::file, its optimize_tmpfile) and copies that file into the sheet part
// when the workbook is closed. ExactRows puts a stream of ours (fopencookie) in that file's
// place: each cell passing through whose number was announced with expect() gets its exact
// text on the way, so what is held is the announced numbers of the rows not yet written.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>

#include "write/detail.hpp"

namespace kinerja::write_detail {

class ExactRows {
public:
    ExactRows() = default;
    ExactRows(const ExactRows&) = delete;
    ExactRows& operator=(const ExactRows&) = delete;
    ~ExactRows();

    // Takes `sheet`'s row file over. False, with nothing changed, when the sheet has none
    // (not in constant_memory mode) or the stream cannot be made.
    bool attach(lxw_worksheet* sheet);
    // Number cell (row, col), plain or a formula's cached value, was just written with
    // `value`; its text becomes the exact one if "%.16G" does not give it.
    void expect(std::uint32_t row, std::uint32_t col, double value);
    // Cell (row, col) was written again with something else.
    void forget(std::uint32_t row, std::uint32_t col) {
        if (!expected_.empty()) expected_.erase(key(row, col));
    }
    // Announced numbers whose cell never passed through (rows libxlsxwriter refused).
    std::size_t missed() const { return expected_.size(); }
    // errno of the first write to the row file that failed, 0 if none did.
    int error() const { return error_; }

private:
    static std::uint64_t key(std::uint32_t row, std::uint32_t col) {
        return (static_cast<std::uint64_t>(row) << 32) | col;
    }
    static ssize_t on_read(void* self, char* buffer, std::size_t size);
    static ssize_t on_write(void* self, const char* buffer, std::size_t size);
    static int on_seek(void* self, off64_t* offset, int whence);
    static int on_close(void* self);

    // Passes on the complete cells received so far (all that is held when `all`).
    void pass(bool all);
    void forward(std::string_view text);
    std::string rewrite(std::string_view cells);

    FILE* stream_ = nullptr;  // ours, in libxlsxwriter's hands until it closes it
    FILE* file_ = nullptr;    // libxlsxwriter's row file, under our stream
    std::string held_;        // received, not yet passed on: a cell may be cut in two
    std::map<std::uint64_t, double> expected_;
    int error_ = 0;
};

}  // namespace kinerja::write_detail
