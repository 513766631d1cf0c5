import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws torch-oracle's package layers and every package-level import between them (read from
 * {@code jdeps -verbose:package} on standard input, lines "a -> b") into a PNG:
 * {@code jdeps -verbose:package torch-oracle/target/classes | java scripts/LayersPicture.java docs/layers.png}
 * (scripts/layers-picture). An arrow that points up, against the layers, is drawn red; an arrow
 * within a layer is an arc over its boxes.
 */
public class LayersPicture {
    /** Bottom to top: each layer's name and its packages (relative to dev.nano.oracle; "" is the root). */
    static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("values", List.of("value"));
        LAYERS.put("libtorch adapters", List.of("torch"));
        LAYERS.put("fixtures + comparison", List.of("fixtures", "compare"));
        LAYERS.put("catalogue", List.of("cases"));
        LAYERS.put("families and runners", List.of("family", "operators", "optim", "nn", "e2e", "mutation"));
        LAYERS.put("entry points", List.of("(root)", "report"));
    }

    public static void main(String[] args) throws Exception {
        int width = 1500;
        int band = 130;
        int height = band * LAYERS.size() + 90;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        Map<String, int[]> box = new LinkedHashMap<>(); // package -> x, y, w, h
        Map<String, Integer> layerOf = new LinkedHashMap<>();
        int level = 0;
        for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
            int y = height - 40 - band * (level + 1);
            g.setColor(level % 2 == 0 ? new Color(0xF3F6FA) : new Color(0xE8EEF6));
            g.fillRect(0, y, width, band);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.drawString(layer.getKey(), 20, y + band / 2 + 6);
            List<String> pkgs = layer.getValue();
            int left = 260;
            int slot = (width - left - 20) / pkgs.size();
            for (int i = 0; i < pkgs.size(); i++) {
                int w = 150;
                int x = left + slot * i + (slot - w) / 2;
                box.put(pkgs.get(i), new int[] {x, y + 40, w, 50});
                layerOf.put(pkgs.get(i), level);
            }
            level++;
        }

        List<String[]> edges = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith("dev.nano.oracle")
                        && parts[2].startsWith("dev.nano.oracle") && !parts[0].equals(parts[2])) {
                    edges.add(new String[] {name(parts[0]), name(parts[2])});
                }
            }
        }
        int up = 0;
        g.setStroke(new BasicStroke(1.4f));
        for (String[] e : edges) {
            int[] a = box.get(e[0]);
            int[] b = box.get(e[1]);
            if (a == null || b == null) {
                continue;
            }
            boolean wrong = layerOf.get(e[1]) > layerOf.get(e[0]);
            up += wrong ? 1 : 0;
            g.setColor(wrong ? new Color(0xD0, 0x20, 0x20) : new Color(70, 90, 120, 150));
            double x1 = a[0] + a[2] / 2.0;
            double y1 = a[1] + a[3];
            double x2 = b[0] + b[2] / 2.0;
            double y2 = b[1];
            if (layerOf.get(e[1]).equals(layerOf.get(e[0]))) { // within a layer: an arc over the boxes between
                y1 = a[1];
                y2 = b[1];
                double cy = y1 - 12 - Math.abs(x2 - x1) / 14;
                g.draw(new QuadCurve2D.Double(x1, y1, (x1 + x2) / 2, cy, x2, y2));
                arrowHead(g, (x1 + x2) / 2 + (x2 - x1) / 4, (cy + y2) / 2, x2, y2);
                continue;
            }
            g.draw(new Line2D.Double(x1, y1, x2, y2));
            arrowHead(g, x1, y1, x2, y2);
        }
        for (Map.Entry<String, int[]> p : box.entrySet()) {
            int[] r = p.getValue();
            g.setColor(Color.WHITE);
            g.fillRoundRect(r[0], r[1], r[2], r[3], 12, 12);
            g.setColor(new Color(0x22, 0x44, 0x77));
            g.drawRoundRect(r[0], r[1], r[2], r[3], 12, 12);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 17));
            String label = p.getKey().equals("(root)") ? "(root)" : p.getKey() + "/";
            int tw = g.getFontMetrics().stringWidth(label);
            g.drawString(label, r[0] + (r[2] - tw) / 2, r[1] + 31);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        g.drawString("torch-oracle (dev.nano.oracle): " + edges.size() + " package imports, " + up
                + " pointing up; each layer imports only layers below it (LayersTest)", 20, height - 12);
        g.dispose();
        ImageIO.write(img, "png", new File(args[0]));
        System.out.println(args[0] + ": " + edges.size() + " package imports, " + up + " pointing up");
    }

    static String name(String pkg) {
        return pkg.equals("dev.nano.oracle") ? "(root)" : pkg.substring("dev.nano.oracle.".length()).split("\\.")[0];
    }

    static void arrowHead(Graphics2D g, double x1, double y1, double x2, double y2) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        Path2D head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - 11 * Math.cos(angle - 0.35), y2 - 11 * Math.sin(angle - 0.35));
        head.lineTo(x2 - 11 * Math.cos(angle + 0.35), y2 - 11 * Math.sin(angle + 0.35));
        head.closePath();
        g.fill(head);
    }
}
