package org.dialogkarta.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Images made for the photo tests: real JPEGs and PNGs from ImageIO, phone-like metadata written
 * with Apache Commons Imaging, and hand-made headers for the files that must be refused.
 */
final class TestPhotos {

  static final String CAMERA_MAKE = "Kameratillverkaren AB";
  static final String CAMERA_MODEL = "Telefon X 12";
  static final String COMMENT = "Hemlig kommentar från fotografen";
  static final double LONGITUDE = 16.1923;
  static final double LATITUDE = 58.5877;

  private TestPhotos() {}

  /** Four coloured quarters (red, green / blue, yellow), so turns and mirrors can be seen. */
  static BufferedImage quarters(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, w / 2, h / 2);
    g.setColor(Color.GREEN);
    g.fillRect(w / 2, 0, w - w / 2, h / 2);
    g.setColor(Color.BLUE);
    g.fillRect(0, h / 2, w / 2, h - h / 2);
    g.setColor(Color.YELLOW);
    g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
    g.dispose();
    return img;
  }

  static byte[] jpeg(int w, int h) {
    return write(quarters(w, h), "jpeg");
  }

  static byte[] write(BufferedImage img, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("No ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A JPEG as a phone writes it: EXIF with camera, comment, orientation and GPS position, an XMP
   * packet naming the place again, and a JPEG comment (COM) segment.
   */
  static byte[] phoneJpeg(int w, int h, int orientation) {
    try {
      TiffOutputSet exif = new TiffOutputSet();
      TiffOutputDirectory root = exif.getOrCreateRootDirectory();
      root.add(TiffTagConstants.TIFF_TAG_MAKE, CAMERA_MAKE);
      root.add(TiffTagConstants.TIFF_TAG_MODEL, CAMERA_MODEL);
      root.add(TiffTagConstants.TIFF_TAG_IMAGE_DESCRIPTION, COMMENT);
      root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
      exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_USER_COMMENT, COMMENT);
      exif.setGpsInDegrees(LONGITUDE, LATITUDE);
      ByteArrayOutputStream withExif = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(jpeg(w, h), withExif, exif);

      ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
      new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, """
          <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="58,35.262N"
            exif:GPSLongitude="16,11.538E"/></rdf:RDF></x:xmpmeta>""");
      return withComment(withXmp.toByteArray(), COMMENT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inserts a COM segment right after SOI. */
  static byte[] withComment(byte[] jpeg, String comment) {
    byte[] text = comment.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xFE);
    out.write((text.length + 2) >> 8);
    out.write((text.length + 2) & 0xFF);
    out.write(text, 0, text.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Left half fully transparent, right half opaque blue. */
  static byte[] transparentPng(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0, 0, 255, 255));
    g.fillRect(w / 2, 0, w - w / 2, h);
    g.dispose();
    return write(img, "png");
  }

  /** A PNG whose header claims {@code w × h} pixels, followed by almost no image data. */
  static byte[] pngClaiming(int w, int h) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(out);
      d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream i = new DataOutputStream(ihdr);
      i.writeInt(w);
      i.writeInt(h);
      i.write(new byte[] {8, 2, 0, 0, 0});
      chunk(d, "IHDR", ihdr.toByteArray());
      chunk(d, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0, 0, 0, 0, 1});
      chunk(d, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A real PNG whose image data (IDAT) has been overwritten with noise; header and CRCs stay. */
  static byte[] pngWithBrokenData(int w, int h) {
    byte[] png = write(quarters(w, h), "png");
    int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
    int length = (png[idat - 4] & 0xFF) << 24 | (png[idat - 3] & 0xFF) << 16 | (png[idat - 2] & 0xFF) << 8 | (png[idat - 1] & 0xFF);
    for (int k = idat + 4 + 2; k < idat + 4 + length; k++) {
      png[k] = (byte) (k * 31);
    }
    return png;
  }

  /** A real JPEG whose start-of-frame is rewritten to claim {@code w × h}. */
  static byte[] jpegClaiming(int w, int h) {
    byte[] jpeg = jpeg(64, 48);
    for (Segment s : segments(jpeg)) {
      if (s.marker() == 0xC0) {
        int at = s.offset();
        jpeg[at + 5] = (byte) (h >> 8);
        jpeg[at + 6] = (byte) h;
        jpeg[at + 7] = (byte) (w >> 8);
        jpeg[at + 8] = (byte) w;
        return jpeg;
      }
    }
    throw new IllegalStateException("No SOF0 in ImageIO's JPEG");
  }

  /** The first bytes of an iPhone HEIC file: an ISO BMFF 'ftyp' box with the 'heic' brand. */
  static byte[] heicHeader() {
    byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0,
        'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
    return Arrays.copyOf(head, 4096);
  }

  /** One marker segment of a JPEG, up to the start of scan. */
  record Segment(int marker, int offset, byte[] payload) {
    String payloadText() {
      return new String(payload, StandardCharsets.ISO_8859_1);
    }
  }

  static List<Segment> segments(byte[] jpeg) {
    List<Segment> segments = new ArrayList<>();
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      int marker = jpeg[i + 1] & 0xFF;
      int length = (jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF);
      segments.add(new Segment(marker, i, Arrays.copyOfRange(jpeg, i + 4, i + 2 + length)));
      if (marker == 0xDA) {
        break;
      }
      i += 2 + length;
    }
    return segments;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static boolean contains(byte[] haystack, String needle) {
    return indexOf(haystack, needle.getBytes(StandardCharsets.UTF_8)) >= 0;
  }

  static BufferedImage read(byte[] image) {
    try {
      return ImageIO.read(new ByteArrayInputStream(image));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
