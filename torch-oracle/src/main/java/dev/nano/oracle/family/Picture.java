package dev.nano.oracle.family;

/**
 * A picture of the report: PNG bytes, embedded in the HTML and written beside it as {@code file}.
 *
 * @param title   the heading
 * @param caption what it shows
 * @param file    the PNG's name beside the report
 * @param png     the PNG's bytes
 */
public record Picture(String title, String caption, String file, byte[] png) {
}
