// The engine the runner uses: the repository's own catalogue, loaded once per program.
#pragma once

#include "pipeline/pipeline.hpp"
#include "support/support.hpp"

namespace kinerja::test {

inline const Engine& engine() {
    static const Engine loaded = Engine::load(source_dir() / "formulas");
    return loaded;
}

}  // namespace kinerja::test
