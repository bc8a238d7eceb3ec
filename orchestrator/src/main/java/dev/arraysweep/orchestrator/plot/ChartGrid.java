package dev.arraysweep.orchestrator.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * A figure made of XChart charts laid out in rows under a title, rendered as one PNG. Charts are built
 * first and rendered only by {@link #writePng}, so tests can inspect their series.
 *
 * @param title the figure's title, drawn above the charts
 * @param rows the charts, row by row; a row is as high as its highest chart
 */
public record ChartGrid(String title, List<List<XYChart>> rows) {
    /** Height of the title strip in pixels. */
    static final int TITLE_HEIGHT = 44;

    public ChartGrid {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** {@return every chart, row by row} */
    List<XYChart> charts() {
        return rows.stream().flatMap(List::stream).toList();
    }

    /** {@return the figure's width in pixels: its widest row} */
    int width() {
        return rows.stream()
                .mapToInt(r -> r.stream().mapToInt(XYChart::getWidth).sum())
                .max()
                .orElse(0);
    }

    /** {@return the figure's height in pixels: the title and every row} */
    int height() {
        return TITLE_HEIGHT
                + rows.stream()
                        .mapToInt(r ->
                                r.stream().mapToInt(XYChart::getHeight).max().orElse(0))
                        .sum();
    }

    /** Renders the figure and writes it as a PNG file. */
    void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            FontMetrics fm = g.getFontMetrics();
            String shown = fit(title, fm, image.getWidth() - 20);
            g.drawString(
                    shown, (image.getWidth() - fm.stringWidth(shown)) / 2, (TITLE_HEIGHT + fm.getAscent()) / 2 - 2);
            int y = TITLE_HEIGHT;
            for (List<XYChart> row : rows) {
                int x = 0;
                for (XYChart chart : row) {
                    g.drawImage(BitmapEncoder.getBufferedImage(chart), x, y, null);
                    x += chart.getWidth();
                }
                y += row.stream().mapToInt(XYChart::getHeight).max().orElse(0);
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }
}
