#!/bin/sh
# Installs exceljs for the batch benchmark (bench/bench_batch.cpp) into bench/exceljs/node_modules.
set -e
cd "$(dirname "$0")"
npm install --no-audit --no-fund --no-package-lock --save-exact exceljs@4.4.0
