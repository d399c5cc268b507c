package com.crosspoint.billing.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A {@link Statement} as a PDF (Apache PDFBox, A4): a heading, the summary (opening balance, totals by kind, closing
 * balance) and a table of the month's lines with the running balance, over as many pages as it takes. The standard
 * Helvetica fonts need no font file on the box; a character they cannot draw becomes '?'.
 */
public final class StatementPdf {
    private static final float MARGIN = 40;
    private static final float LINE = 13;
    private static final float BODY = 8.5f;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Left edges of the table's columns: booked, kind, description, user, number, seconds, amount, balance. */
    private static final float[] COLUMNS = {MARGIN, 110, 160, 290, 380, 450, 485, 535};
    private static final String[] HEADINGS = {"Booked", "Kind", "Description", "User", "Number", "Secs", "Amount",
        "Balance"};
    private static final int[] WIDTHS = {14, 10, 30, 20, 16, 6, 11, 11};

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    public static byte[] write(Statement s) {
        return new StatementPdf().render(s);
    }

    private byte[] render(Statement s) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Statement " + s.month() + " - " + s.tenantName());
            info.setCreator("Crosspoint");
            Pages pages = new Pages(doc);
            pages.text(bold, 16, "Statement " + s.month() + "  " + s.tenantName());
            pages.text(regular, 10, "Account of tenant " + s.tenantId() + ", in " + s.currency() + "; times in "
                    + s.zone().getId());
            pages.gap();
            pages.text(regular, 10, "Opening balance: " + s.opening().toDecimal());
            for (StatementLine.Kind kind : StatementLine.Kind.values()) {
                pages.text(regular, 10, words(kind) + ": " + s.total(kind).toDecimal());
            }
            pages.text(bold, 10, "Closing balance: " + s.closing().toDecimal());
            pages.text(regular, 10, s.calls() + " calls charged");
            pages.gap();
            pages.row(bold, List.of(HEADINGS));
            for (StatementLine l : s.lines()) {
                pages.row(regular, List.of(time(s, l.at()), words(l.kind()), l.description(), l.user(), l.number(),
                        l.callStart() == null ? "" : Long.toString(l.seconds()), l.amount().toDecimal(),
                        l.balance().toDecimal()));
            }
            if (s.lines().isEmpty()) {
                pages.text(regular, BODY, "No money moved in this month.");
            }
            pages.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the statement PDF", e);
        }
    }

    private static String words(StatementLine.Kind kind) {
        return switch (kind) {
            case CALL -> "Calls";
            case RERATE -> "Corrections";
            case TOP_UP -> "Top-ups";
            case ADJUSTMENT -> "Adjustments";
        };
    }

    private static String time(Statement s, Instant at) {
        return DAY_TIME.format(at.atZone(s.zone()));
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private final class Pages {
        private final PDDocument doc;
        private PDPageContentStream page;
        private float y;

        Pages(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void text(PDType1Font font, float size, String text) throws IOException {
            room(size + 6);
            show(font, size, MARGIN, text);
            y -= size + 6;
        }

        void gap() {
            y -= LINE / 2;
        }

        void row(PDType1Font font, List<String> cells) throws IOException {
            room(LINE);
            for (int i = 0; i < cells.size(); i++) {
                show(font, BODY, COLUMNS[i], clip(cells.get(i), WIDTHS[i]));
            }
            y -= LINE;
        }

        private void show(PDType1Font font, float size, float x, String text) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(drawable(font, text));
            page.endText();
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                page.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = p.getMediaBox().getHeight() - MARGIN;
        }

        void close() throws IOException {
            page.close();
        }
    }

    private static String clip(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "~";
    }

    /** The text with every character the font cannot encode replaced by '?'. */
    private static String drawable(PDType1Font font, String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }
}
