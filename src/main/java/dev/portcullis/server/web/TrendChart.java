package dev.portcullis.server.web;

import dev.portcullis.server.storage.ScanStore.TrendPoint;
import java.util.List;

/** Draws findings per scan as an inline SVG line chart: all findings in grey, high and critical in red. */
final class TrendChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 160;
    private static final int PAD = 24;

    private TrendChart() {}

    static String svg(List<TrendPoint> points) {
        if (points.isEmpty()) {
            return "<p>No scans yet.</p>";
        }
        int max = Math.max(1, points.stream().mapToInt(TrendPoint::total).max().orElse(1));
        StringBuilder svg = new StringBuilder("<svg role=\"img\" aria-label=\"Findings per scan\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"")
                .append(WIDTH - PAD).append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#999\"/>");
        svg.append(line(points, max, true, "#888")).append(line(points, max, false, "#c00"));
        svg.append("<text x=\"").append(PAD).append("\" y=\"14\" font-size=\"12\">max ").append(max)
                .append(" findings; red: high and critical</text></svg>");
        return svg.toString();
    }

    private static String line(List<TrendPoint> points, int max, boolean total, String colour) {
        StringBuilder coordinates = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = PAD + (points.size() == 1 ? 0 : (double) i * (WIDTH - 2 * PAD) / (points.size() - 1));
            int value = total ? points.get(i).total() : points.get(i).severe();
            double y = HEIGHT - PAD - (double) value * (HEIGHT - 2 * PAD) / max;
            coordinates.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\""
                + coordinates.toString().strip() + "\"/>";
    }
}
