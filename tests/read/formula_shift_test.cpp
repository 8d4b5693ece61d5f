// shift_formula: what a shared formula becomes in each cell of its range.
#include "read/formula_shift.hpp"

#include <boost/test/unit_test.hpp>

using kinerja::read_detail::shift_formula;

BOOST_AUTO_TEST_SUITE(read_formula_shift)

BOOST_AUTO_TEST_CASE(relative_parts_move_absolute_parts_stay) {
    BOOST_TEST(shift_formula("A1+$B$1", 1, 0) == "A2+$B$1");
    BOOST_TEST(shift_formula("A1+$B$1", 2, 0) == "A3+$B$1");
    BOOST_TEST(shift_formula("$A1+A$1", 3, 2) == "$A4+C$1");
    BOOST_TEST(shift_formula("A1*2", 0, 1) == "B1*2");
    BOOST_TEST(shift_formula("Z9", 0, 1) == "AA9");
}

BOOST_AUTO_TEST_CASE(ranges_whole_columns_and_rows) {
    BOOST_TEST(shift_formula("SUM(A1:B2)", 1, 1) == "SUM(B2:C3)");
    BOOST_TEST(shift_formula("SUM($A$1:A1)", 4, 0) == "SUM($A$1:A5)");
    BOOST_TEST(shift_formula("SUM(A:A)", 5, 1) == "SUM(B:B)");
    BOOST_TEST(shift_formula("SUM($A:B)", 0, 1) == "SUM($A:C)");
    BOOST_TEST(shift_formula("SUM(1:3)", 2, 7) == "SUM(3:5)");
    BOOST_TEST(shift_formula("SUM($1:3)", 2, 0) == "SUM($1:5)");
}

BOOST_AUTO_TEST_CASE(strings_sheets_and_functions_stay) {
    BOOST_TEST(shift_formula("IF(A1>0,\"A1\",Sheet2!B1)", 1, 0) == "IF(A2>0,\"A1\",Sheet2!B2)");
    BOOST_TEST(shift_formula("'Rencana Aksi'!C7*100", 1, 0) == "'Rencana Aksi'!C8*100");
    BOOST_TEST(shift_formula("'It''s A1'!A1", 1, 0) == "'It''s A1'!A2");
    BOOST_TEST(shift_formula("LOG10(A1)+ATAN2(B1,C1)", 1, 0) == "LOG10(A2)+ATAN2(B2,C2)");
    BOOST_TEST(shift_formula("_xlfn.XLOOKUP(A1,B:B,C:C)", 1, 0) == "_xlfn.XLOOKUP(A2,B:B,C:C)");
    BOOST_TEST(shift_formula("Target_TW1*A1", 1, 0) == "Target_TW1*A2");
    BOOST_TEST(shift_formula("\"say \"\"B2\"\"\"&B2", 1, 0) == "\"say \"\"B2\"\"\"&B3");
}

BOOST_AUTO_TEST_CASE(numbers_errors_tables_and_arrays_stay) {
    BOOST_TEST(shift_formula("A1*1.5E+3+2E-2", 1, 0) == "A2*1.5E+3+2E-2");
    BOOST_TEST(shift_formula("IFERROR(A1,#N/A)+#REF!", 1, 0) == "IFERROR(A2,#N/A)+#REF!");
    BOOST_TEST(shift_formula("SUM(Tabel1[Pagu])+A1", 1, 0) == "SUM(Tabel1[Pagu])+A2");
    BOOST_TEST(shift_formula("Tabel1[[#This Row],[A1]]", 1, 0) == "Tabel1[[#This Row],[A1]]");
    BOOST_TEST(shift_formula("SUM(A1*{1,2;3,4})", 1, 0) == "SUM(A2*{1,2;3,4})");
    BOOST_TEST(shift_formula("TRUE+FALSE", 1, 1) == "TRUE+FALSE");
    BOOST_TEST(shift_formula("Q1:Q4!A1", 1, 0) ==
               "Q1:Q4!A2");  // a 3-D reference over sheets Q1..Q4
}

BOOST_AUTO_TEST_CASE(references_off_the_sheet_become_ref_errors) {
    BOOST_TEST(shift_formula("A1+B2", -1, 0) == "#REF!+B1");
    BOOST_TEST(shift_formula("SUM(A1:A3)", -1, 0) == "SUM(#REF!)");
    BOOST_TEST(shift_formula("XFD1", 0, 1) == "#REF!");
    BOOST_TEST(shift_formula("A1048576", 1, 0) == "#REF!");
    BOOST_TEST(shift_formula("$A$1", -5, -5) == "$A$1");
}

BOOST_AUTO_TEST_SUITE_END()
