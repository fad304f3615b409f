package org.dialogkarta.export;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * The attribute half of a Shapefile, a dBASE III table in UTF-8. javadbf writes the header and
 * the field descriptors; the records are then streamed here through a buffer in javadbf's
 * layout (a space for "not deleted", each value padded to its field's width). javadbf itself
 * either writes every field with its own unbuffered system call (about 70 s for a million pins)
 * or, given a stream, keeps every record in memory until the end: neither fits an export of a
 * million pins in constant memory and ogr2ogr's time. Numbers are right-aligned, texts
 * left-aligned; a null is blanks, which GDAL reads as null.
 */
final class DbfTable implements Closeable {

  private final Path file;
  private final DBFField[] fields;
  private final OutputStream out;
  private final byte[] record;
  private int records;

  DbfTable(Path file, DBFField[] fields) throws IOException {
    this.file = file;
    this.fields = fields.clone();
    DBFWriter header = new DBFWriter(file.toFile(), StandardCharsets.UTF_8);
    header.setFields(fields);
    header.close();
    int headerLength;
    int recordLength;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(h, 0);
      headerLength = Short.toUnsignedInt(h.getShort(8));
      recordLength = Short.toUnsignedInt(h.getShort(10));
      channel.truncate(headerLength); // drop javadbf's end-of-file mark: the records come after the header
    }
    this.record = new byte[recordLength];
    this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 1 << 16);
  }

  /** One record: Long, Double or String per field (texts already cut to their width), or null. */
  void add(Object[] values) throws IOException {
    Arrays.fill(record, (byte) ' ');
    int at = 1;
    for (int i = 0; i < fields.length; i++) {
      int width = fields[i].getLength();
      Object v = values[i];
      if (v != null) {
        byte[] bytes = (fields[i].getType() == DBFDataType.CHARACTER ? v.toString()
            : v instanceof Double d ? String.format(Locale.ROOT, "%." + fields[i].getDecimalCount() + "f", d)
            : v.toString()).getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, width);
        int start = fields[i].getType() == DBFDataType.CHARACTER ? at : at + width - length;
        System.arraycopy(bytes, 0, record, start, length);
      }
      at += width;
    }
    out.write(record);
    records++;
  }

  /** The end-of-file mark, and the number of records in the header. */
  @Override
  public void close() throws IOException {
    out.write(0x1A);
    out.close();
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(4);
      f.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(records).array());
    }
  }
}
