// Colour resolution: theme (with the 0<->1, 2<->3 swap), indexed palette, tint in HLS.
#include "read/colors.hpp"

#include "read/styles.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::read_detail;
using namespace kinerja::test;

BOOST_AUTO_TEST_SUITE(read_colors)

// Expected values follow ECMA-376 §18.8.19 by hand: RGB -> HLS, L' = L(1+tint) for
// tint < 0 or L(1-tint) + tint for tint > 0, back to RGB, rounded. For 4472C4:
// L = (0xC4+0x44)/2/255 = 0.5176, S = (0xC4-0x44)/(510-0xC4-0x44) = 0.5203, H = 0.6068.
// Darker 25%: L' = 0.3882, m2 = L'(1+S) = 0.5902 -> B = 150.5 -> 0x97; m1 = 2L'-m2 ->
// R = 0x2F; G from the hue -> 0x55: 2F5597, as in Excel's palette.
BOOST_AUTO_TEST_CASE(tint_in_hls_space) {
    BOOST_TEST(apply_tint(0x4472C4, -0.249977111117893) == 0x2F5597u);
    BOOST_TEST(apply_tint(0x4472C4, -0.499984740745262) == 0x203864u);
    BOOST_TEST(apply_tint(0x4472C4, 0.39997558519241921) == 0x8FAADCu);
    BOOST_TEST(apply_tint(0x4472C4, 0.59999389629810485) == 0xB4C7E7u);
    BOOST_TEST(apply_tint(0x4472C4, 0.79998168889431442) == 0xDAE3F3u);
    // Greys keep zero saturation: white darker 15% and 50%, black lighter 35%.
    BOOST_TEST(apply_tint(0xFFFFFF, -0.1499984740745262) == 0xD9D9D9u);
    BOOST_TEST(apply_tint(0xFFFFFF, -0.499984740745262) == 0x808080u);
    BOOST_TEST(apply_tint(0x000000, 0.34998626667073579) == 0x595959u);
    BOOST_TEST(apply_tint(0x123456, 0) == 0x123456u);
    BOOST_TEST(apply_tint(0x123456, 1) == 0xFFFFFFu);
    BOOST_TEST(apply_tint(0x123456, -1) == 0x000000u);
}

BOOST_AUTO_TEST_CASE(theme_indices_swap_light_and_dark) {
    ColorResolver colors;                              // the Office 2013+ theme
    BOOST_TEST(*colors.theme_color(0) == 0xFFFFFFu);   // lt1
    BOOST_TEST(*colors.theme_color(1) == 0x000000u);   // dk1
    BOOST_TEST(*colors.theme_color(2) == 0xE7E6E6u);   // lt2
    BOOST_TEST(*colors.theme_color(3) == 0x44546Au);   // dk2
    BOOST_TEST(*colors.theme_color(4) == 0x4472C4u);   // accent1
    BOOST_TEST(*colors.theme_color(11) == 0x954F72u);  // folHlink
    BOOST_TEST(!colors.theme_color(12));
}

BOOST_AUTO_TEST_CASE(indexed_palette_and_system_colours) {
    ColorResolver colors;
    ColorSpec spec;
    spec.indexed = 10;
    BOOST_TEST(*colors.resolve(spec) == 0xFF0000u);
    spec.indexed = 22;
    BOOST_TEST(*colors.resolve(spec) == 0xC0C0C0u);
    spec.indexed = 64;  // system foreground
    BOOST_TEST(*colors.resolve(spec) == 0x000000u);
    spec.indexed = 65;  // system background
    BOOST_TEST(*colors.resolve(spec) == 0xFFFFFFu);
    spec.indexed = 66;
    BOOST_TEST(!colors.resolve(spec));
}

BOOST_AUTO_TEST_CASE(automatic_and_unset_stay_unset) {
    ColorResolver colors;
    ColorSpec spec;
    BOOST_TEST(!colors.resolve(spec));
    spec.automatic = true;
    spec.rgb = 0x112233;
    BOOST_TEST(!colors.resolve(spec));
}

BOOST_AUTO_TEST_CASE(argb_and_rgb_hex) {
    BOOST_TEST(*parse_hex_rgb("FF4472C4") == 0x4472C4u);
    BOOST_TEST(*parse_hex_rgb("4472c4") == 0x4472C4u);
    BOOST_TEST(!parse_hex_rgb("FF4472C"));
    BOOST_TEST(!parse_hex_rgb("GG4472C4"));
}

BOOST_AUTO_TEST_CASE(colours_in_a_styled_workbook) {
    Workbook wb = read_workbook(handmade("styles.xlsx"));
    const Sheet& sheet = sheet_named(wb, "Gaya");
    auto style = [&](const char* ref) { return wb.styles.at(cell_at(sheet, ref).style); };
    BOOST_TEST(*style("A1").font.color == 0x000000u);  // theme 1 = dk1
    BOOST_TEST(*style("B1").font.color == 0x2F5597u);  // accent1 darker 25%
    BOOST_TEST(*style("B1").fill.fg == 0xDAE3F3u);     // accent1 lighter 80%
    BOOST_TEST(!style("B1").fill.bg);                  // indexed 64 background = automatic
    BOOST_TEST(*style("C1").font.color == 0xFF0000u);  // indexed 10
    BOOST_TEST(*style("C1").fill.fg == 0x00FF00u);
    BOOST_TEST(*style("C1").fill.bg == 0x0000FFu);
    BOOST_TEST(*style("D1").font.color == 0x112233u);           // accent6 from the file's theme
    BOOST_TEST(*style("D1").fill.fg == 0xC0C0C0u);              // indexed 22
    BOOST_TEST(!style("E1").font.color);                        // auto
    BOOST_TEST(*style("E1").fill.fg == 0xABCDEFu);              // gradient: first stop
    BOOST_TEST(*style("F1").font.color == 0x000000u);           // indexed 64
    BOOST_TEST(*style("H1").font.color == 0x808080u);           // lt1 (white) darker 50%
    BOOST_TEST(*style("B1").border.bottom.color == 0xED7D31u);  // theme 5 = accent2
}

BOOST_AUTO_TEST_CASE(indexed_colors_override_and_default_theme) {
    Workbook wb = read_workbook(handmade("custom_palette.xlsx"));
    const Sheet& sheet = sheet_named(wb, "Palet");
    auto font_color = [&](const char* ref) {
        return wb.styles.at(cell_at(sheet, ref).style).font.color;
    };
    BOOST_TEST(*font_color("A1") == 0x123456u);  // <indexedColors> entry 10
    BOOST_TEST(*font_color("B1") == 0xB4C7E7u);  // no theme part: Office accent1, lighter 60%
    BOOST_TEST(*font_color("C1") == 0x0000FFu);  // beyond the override: default palette
}

BOOST_AUTO_TEST_SUITE_END()
