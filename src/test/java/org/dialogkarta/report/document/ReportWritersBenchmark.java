package org.dialogkarta.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The consultation report with 20,000 appendix entries in all three formats (make bench): seconds
 * and peak heap for each writer, one after the other, written to a counting sink. Prints the
 * figures for docs/BENCHMARKS.md; the target is well under a minute for all three together.
 */
@Tag("bench")
class ReportWritersBenchmark {

  private static final int ENTRIES = 20_000;

  @Test
  void allFormatsOfTwentyThousandEntriesTakeUnderAMinute() throws IOException {
    ReportDocument report = ReportFixture.report(ENTRIES, 3);
    MapPainter painter = new MapPainter();
    List<ReportWriter> writers = List.of(
        new HtmlReportWriter(painter), new PdfReportWriter(PdfReportWriter.DEFAULT_FONT_DIRECTORY, painter), new DocxReportWriter(painter));
    System.out.printf("[bench] report: %,d appendix entries, max heap %,d MB, %d processors%n",
        ENTRIES, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    double total = 0;
    for (ReportWriter writer : writers) {
      System.gc();
      resetPeaks();
      long start = System.nanoTime();
      CountingSink sink = new CountingSink();
      writer.write(report, sink, ReportWriter.Progress.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      total += seconds;
      System.out.printf("[bench] report %s: %.1f s, %,d KB, peak heap %,d MB%n",
          writer.getClass().getSimpleName(), seconds, sink.bytes >> 10, peakHeapMegabytes());
    }
    System.out.printf("[bench] report all formats: %.1f s%n", total);
    assertThat(total).as("seconds for all three formats of %,d entries", ENTRIES).isLessThan(60);
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
  private static long peakHeapMegabytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum() >> 20;
  }

  private static final class CountingSink extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
