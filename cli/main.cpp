// kinerja: the command line. It parses arguments, calls the engine, prints.
#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    std::string arg = argc > 1 ? argv[1] : "--help";
    if (arg == "--version") {
        std::printf("kinerja %s\n", KINERJA_VERSION);
        return 0;
    }
    std::printf("kinerja %s\n", KINERJA_VERSION);
    return arg == "--help" ? 0 : 2;
}
