// Messages for people, in Indonesian (the default) and English, and the error
// type that carries them out of the engine.
#pragma once

#include <stdexcept>
#include <string>

namespace kinerja {

enum class Lang { id, en };

// How bad a finding or diagnostic is: errors make the command exit 1, warnings do not.
enum class Severity { error, warning };

// A sentence in both languages. Engine code builds these; the CLI picks one.
struct Message {
    std::string id;  // Bahasa Indonesia
    std::string en;  // English
    const std::string& in(Lang lang) const { return lang == Lang::en ? en : id; }
    bool operator==(const Message&) const = default;
};

// The input cannot be used: not an xlsx, corrupt, hostile, over a limit.
// `file` and `part` say where ("laporan.xlsx", "xl/worksheets/sheet1.xml");
// the message says what is wrong and, where it helps, what to do.
class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::string part, Message reason)
        : std::runtime_error(file + ": " + part + ": " + reason.en),
          file_(std::move(file)),
          part_(std::move(part)),
          reason_(std::move(reason)) {}

    const std::string& file() const { return file_; }
    const std::string& part() const { return part_; }
    const Message& reason() const { return reason_; }
    // One line: "file: part: reason".
    std::string describe(Lang lang) const {
        std::string line = file_;
        if (!part_.empty()) line += ": " + part_;
        return line + ": " + reason_.in(lang);
    }

private:
    std::string file_, part_;
    Message reason_;
};

// Writing the output failed (disk full, permissions). The destination is untouched.
class OutputError : public std::runtime_error {
public:
    OutputError(std::string file, Message reason)
        : std::runtime_error(file + ": " + reason.en),
          file_(std::move(file)),
          reason_(std::move(reason)) {}
    const std::string& file() const { return file_; }
    std::string describe(Lang lang) const { return file_ + ": " + reason_.in(lang); }

private:
    std::string file_;
    Message reason_;
};

}  // namespace kinerja
