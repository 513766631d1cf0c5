package dev.nano.oracle.family;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the report's pictures share (XChart, PNG): the frameworks' colours, a limit's colour, and
 * writing a grid of charts into the report's directory. Only {@code scripts/coverage-gaps} draws
 * pictures; the build's gate test never does.
 */
public final class Pictures {
    /** PyTorch's colour. */
    public static final Color TORCH = new Color(238, 76, 44);
    /** nano's colour. */
    public static final Color NANO = new Color(31, 80, 160);
    /** A tolerance line, and what fails. */
    public static final Color LIMIT = new Color(200, 40, 40);
    /** Where a NaN/inf mismatch (an infinite error) is drawn. */
    public static final double NON_FINITE = 1e3;

    private Pictures() {
    }

    /**
     * Writes {@code charts}, in a grid of {@code rows} × {@code columns}, as {@code dir/file}.
     * @param charts the charts
     * @param rows the grid's rows
     * @param columns the grid's columns
     * @param dir the report's directory
     * @param file the PNG's name
     * @param title the picture's heading
     * @param caption what it shows
     * @return the picture, for embedding
     */
    public static Picture save(List<XYChart> charts, int rows, int columns, Path dir, String file, String title,
                               String caption) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(charts, rows, columns, png, BitmapEncoder.BitmapFormat.PNG);
            Files.createDirectories(dir);
            Files.write(dir.resolve(file), png.toByteArray());
            return new Picture(title, caption, file, png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
        }
    }
}
