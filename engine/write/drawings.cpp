// Comments and images.
#include "write/detail.hpp"
#include "write/image_size.hpp"

namespace kinerja::write_detail {

namespace {
constexpr std::size_t max_comment_chars = 32767;
}

void write_comments(const SheetContext& ctx) {
    for (const Comment& comment : ctx.model.comments) {
        std::string where = cell_name(comment.row, comment.col);
        if (comment.row >= max_rows || comment.col >= max_cols) {
            ctx.drop(where, "comment out of bounds");
            continue;
        }
        std::string text = utf8_prefix(comment.text, max_comment_chars);
        if (text.size() != comment.text.size())
            ctx.drop(where, "comment longer than 32767 characters truncated");
        text = protect_escapes(text);
        std::string author = comment.author;
        lxw_comment_options options{};
        options.visible =
            comment.visible ? LXW_COMMENT_DISPLAY_VISIBLE : LXW_COMMENT_DISPLAY_HIDDEN;
        options.author = author.empty() ? nullptr : author.data();
        ctx.check(
            worksheet_write_comment_opt(ctx.sheet, comment.row, static_cast<lxw_col_t>(comment.col),
                                        text.c_str(), &options),
            where, "comment");
    }
}

void write_images(const SheetContext& ctx) {
    // The sheet's drawing is carried whole (engine/write/carry.cpp): its pictures are in it.
    if (ctx.model.carried && ctx.model.carried->whole_drawing) return;
    for (const Image& image : ctx.model.images) {
        std::string where = cell_name(image.row, image.col);
        if (image.row >= max_rows || image.col >= max_cols) {
            ctx.drop(where, "image out of bounds");
            continue;
        }
        if (!image.data || image.data->empty()) {
            ctx.drop(where, "image without data");
            continue;
        }
        std::optional<ImageSize> native = image_size(*image.data);
        if (!native) {
            ctx.drop(where, "image of type '" + image.extension +
                                "' not supported (only PNG, JPEG, GIF and BMP)");
            continue;
        }
        // libxlsxwriter shows an image at width * 96 / dpi pixels times the scale.
        double shown_width = native->width * 96.0 / native->x_dpi;
        double shown_height = native->height * 96.0 / native->y_dpi;
        std::string description = image.description;
        lxw_image_options options{};
        options.x_offset = image.x_offset;
        options.y_offset = image.y_offset;
        // A size that is no positive number leaves the image at its own size.
        bool sized = in_range(image.width, 1e-3, 1e7) && in_range(image.height, 1e-3, 1e7);
        if (!sized && (image.width != 0 || image.height != 0))
            ctx.drop(where, "image size out of range: shown at its own size");
        options.x_scale = sized ? image.width / shown_width : 1;
        options.y_scale = sized ? image.height / shown_height : 1;
        options.description = description.empty() ? nullptr : description.data();
        const auto* bytes = reinterpret_cast<const unsigned char*>(image.data->data());
        ctx.check(worksheet_insert_image_buffer_opt(ctx.sheet, image.row,
                                                    static_cast<lxw_col_t>(image.col), bytes,
                                                    image.data->size(), &options),
                  where, "image");
    }
}

}  // namespace kinerja::write_detail
