package com.novabilling.app.invoice.document;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading rendered PDFs back: OpenPDF's text extraction, and pages rendered to PNG by poppler's {@code pdftoppm}
 * (an independent renderer). pdftoppm is required, not optional: {@code .ci/run} installs poppler-utils when it is
 * missing, and without it these tests fail saying so.
 */
public final class Pdfs {

    private static final String[] PDFTOPPM = {"/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm", "/opt/homebrew/bin/pdftoppm"};

    private Pdfs() {
    }

    public static int pages(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                return reader.getNumberOfPages();
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one page (1-based), as OpenPDF extracts it. */
    public static String text(byte[] pdf, int page) {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).as("a PDF header").isEqualTo("%PDF-");
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                return new PdfTextExtractor(reader).getTextFromPage(page);
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path of pdftoppm: on the PATH or at a usual place; fails the test, saying how to install it, if absent. */
    public static String pdftoppm() {
        String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pdftoppm"))) {
                return Path.of(dir, "pdftoppm").toString();
            }
        }
        for (String candidate : PDFTOPPM) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("pdftoppm is not installed: the invoice PDF tests render pages with it. Install "
                + "poppler-utils (apt-get install -y poppler-utils; .ci/run does so when it is missing)");
    }

    /** Page {@code page} rendered by pdftoppm at {@code dpi}. */
    public static BufferedImage render(byte[] pdf, int page, int dpi) {
        try {
            Path dir = Files.createTempDirectory("invoice-pdf-");
            try {
                Path file = dir.resolve("invoice.pdf");
                Files.write(file, pdf);
                Process process = new ProcessBuilder(pdftoppm(), "-png", "-r", String.valueOf(dpi),
                        "-f", String.valueOf(page), "-l", String.valueOf(page), "-singlefile",
                        file.toString(), dir.resolve("page").toString())
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pdftoppm finishes").isTrue();
                assertThat(process.exitValue()).as("pdftoppm: " + output).isZero();
                BufferedImage image = ImageIO.read(dir.resolve("page.png").toFile());
                assertThat(image).as("pdftoppm wrote a PNG").isNotNull();
                return image;
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The share of pixels that are not (near) white. */
    public static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 235 || g < 235 || b < 235) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
