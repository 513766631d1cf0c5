package dev.nano.oracle.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One table of the report, rendered the same way in every format: a console table whose columns
 * are as wide as their widest cell (a long operator name cannot push the others out of line), a
 * Markdown table, and an HTML table that sorts by any column when its header is clicked.
 */
public final class ReportTable {

    /**
     * One cell. {@code sortKey} orders numeric columns in HTML (null: sort by the text);
     * {@code cssClass} styles it; {@code title} is a hover hint; {@code href} links the cell's text.
     *
     * @param text     what the cell shows
     * @param sortKey  the number an HTML table sorts the column by, or null to sort by the text
     * @param cssClass the cell's CSS class, or null
     * @param title    a hover hint, or null
     * @param href     where the text links to, or null
     */
    public record Cell(String text, Double sortKey, String cssClass, String title, String href) {
        /**
         * A plain text cell.
         * @param text the text
         * @return the cell
         */
        public static Cell of(String text) {
            return new Cell(text, null, null, null, null);
        }

        /**
         * A number cell, sorted by its value.
         * @param text the number as shown
         * @param sortKey the number
         * @return the cell
         */
        public static Cell number(String text, double sortKey) {
            return new Cell(text, sortKey, null, null, null);
        }
    }

    private record Row(String cssClass, String id, List<Cell> cells) {
    }

    private final String id;
    private final List<String> headers;
    private final List<String> shortHeaders;
    private final List<Row> rows = new ArrayList<>();

    /**
     * A table whose console form uses the same headers as Markdown and HTML.
     * @param id the HTML id
     * @param headers the column headers
     */
    public ReportTable(String id, List<String> headers) {
        this(id, headers, headers);
    }

    /**
     * A table with shorter console headers (explained by a legend) than its Markdown and HTML ones.
     * @param id the HTML id
     * @param headers the column headers
     * @param shortHeaders the console's column headers
     */
    public ReportTable(String id, List<String> headers, List<String> shortHeaders) {
        this.id = id;
        this.headers = List.copyOf(headers);
        this.shortHeaders = List.copyOf(shortHeaders);
    }

    /**
     * Adds a row.
     * @param cssClass the row's CSS class ("fail", "gap" or "")
     * @param cells one cell per header
     * @return this table
     */
    public ReportTable add(String cssClass, List<Cell> cells) {
        return add(cssClass, null, cells);
    }

    /**
     * Adds a row with an HTML id, so that a cell elsewhere can link to it.
     * @param cssClass the row's CSS class ("fail", "gap" or "")
     * @param rowId the row's HTML id
     * @param cells one cell per header
     * @return this table
     */
    public ReportTable add(String cssClass, String rowId, List<Cell> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(id + ": a row of " + cells.size() + " cells under " + headers.size()
                    + " headers");
        }
        rows.add(new Row(cssClass, rowId, List.copyOf(cells)));
        return this;
    }

    /**
     * Whether the table has no row.
     * @return true if empty
     */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * Left-aligned columns, each as wide as its widest cell; the last column is not padded.
     * @return the console table
     */
    public String text() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = length(shortHeaders.get(c));
            for (Row r : rows) {
                width[c] = Math.max(width[c], length(r.cells().get(c).text()));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, shortHeaders, width);
        for (Row r : rows) {
            line(sb, r.cells().stream().map(Cell::text).toList(), width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> texts, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < texts.size(); c++) {
            String t = texts.get(c).replace('\n', ' ');
            line.append(t);
            if (c < texts.size() - 1) {
                line.append(" ".repeat(width[c] - length(t) + 1));
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    /** Characters as a terminal shows them: ✓ and – take one column like any letter. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * The table in Markdown.
     * @return the Markdown
     */
    public String markdown() {
        StringBuilder sb = new StringBuilder("|");
        headers.forEach(h -> sb.append(' ').append(md(h)).append(" |"));
        sb.append("\n|").append("---|".repeat(headers.size())).append('\n');
        for (Row r : rows) {
            sb.append('|');
            r.cells().forEach(c -> sb.append(' ').append(md(c.text())).append(" |"));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * A sortable table: the page's script sorts every {@code table.sortable} by the clicked header.
     * @return the HTML
     */
    public String html() {
        StringBuilder sb = new StringBuilder("<table class=\"sortable\" id=\"").append(esc(id))
                .append("\"><thead><tr>");
        headers.forEach(h -> sb.append("<th title=\"click to sort\">").append(esc(h)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (Row r : rows) {
            sb.append("<tr").append(r.cssClass() == null || r.cssClass().isEmpty() ? ""
                    : " class=\"" + esc(r.cssClass()) + "\"").append(r.id() == null ? ""
                    : " id=\"" + esc(r.id()) + "\"").append('>');
            for (Cell c : r.cells()) {
                sb.append("<td");
                if (c.cssClass() != null) {
                    sb.append(" class=\"").append(esc(c.cssClass())).append('"');
                }
                if (c.title() != null) {
                    sb.append(" title=\"").append(esc(c.title())).append('"');
                }
                if (c.sortKey() != null) {
                    sb.append(" data-v=\"").append(sortable(c.sortKey())).append('"');
                }
                sb.append('>');
                String text = esc(c.text()).replace("\n", "<br>");
                sb.append(c.href() == null ? text : "<a href=\"" + esc(c.href()) + "\">" + text + "</a>");
                sb.append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** A number JavaScript's parseFloat reads back; NaN sorts below everything. */
    private static String sortable(double v) {
        if (Double.isNaN(v)) {
            return "-Infinity";
        }
        return Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : String.format(Locale.ROOT, "%.17g", v);
    }

    /**
     * Text escaped for HTML.
     * @param s the text, or null
     * @return the escaped text ("" for null)
     */
    public static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
