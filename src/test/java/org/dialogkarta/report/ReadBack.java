package org.dialogkarta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a report back with outside tools, as a reader of the files would: Debian's
 * {@code pdftotext} and {@code pdfinfo} (poppler) for the PDF, and the .docx unzipped for its
 * {@code word/document.xml}.
 */
final class ReadBack {

  private ReadBack() {}

  /** In the order the content was drawn ({@code -raw}), so a wrapped table cell comes out whole. */
  static String pdfText(byte[] pdf) {
    return run(pdf, "pdftotext", "-enc", "UTF-8", "-raw", "%in", "-");
  }

  static String pdfInfo(byte[] pdf) {
    return run(pdf, "pdfinfo", "%in");
  }

  /** The document part of a .docx, as XML text. */
  static String docxDocument(byte[] docx) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("word/document.xml")) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("No word/document.xml in the .docx");
  }

  /** Text as Word shows it: the document's XML without tags, entities decoded. */
  static String docxText(byte[] docx) {
    return docxDocument(docx).replaceAll("<w:p[ >]", "\n$0").replaceAll("<[^>]+>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
  }

  /** A long text wraps over lines in the files: compare without whitespace. */
  static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static String run(byte[] input, String... command) {
    try {
      Path file = Files.createTempFile("report", ".pdf");
      try {
        Files.write(file, input);
        for (int i = 0; i < command.length; i++) {
          if (command[i].equals("%in")) {
            command[i] = file.toString();
          }
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
        assertThat(p.exitValue()).as(command[0] + ": " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
            .isZero();
        return new String(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
