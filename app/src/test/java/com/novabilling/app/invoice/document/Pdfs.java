package com.novabilling.app.invoice.document;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading rendered PDFs back: OpenPDF's text extraction, and pages rendered to images by Apache PDFBox, a renderer
 * independent of OpenPDF, which writes them (pure Java, so the tests need nothing installed).
 */
public final class Pdfs {

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

    /** Page {@code page} (1-based) rendered by PDFBox at {@code dpi}. */
    public static BufferedImage render(byte[] pdf, int page, int dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
