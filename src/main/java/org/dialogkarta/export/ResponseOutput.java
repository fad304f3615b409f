package org.dialogkarta.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The response body, opened only at the first byte: until then nothing is committed, so a failure
 * before it (a bad request, a database error, a GeoPackage that could not be completed) still
 * becomes a problem answer instead of a download that looks like a file.
 */
final class ResponseOutput extends OutputStream {

  private final HttpServletResponse response;
  private final String contentType;
  private final String fileName;
  private OutputStream out;

  ResponseOutput(HttpServletResponse response, String contentType, String fileName) {
    this.response = response;
    this.contentType = contentType;
    this.fileName = fileName;
  }

  private OutputStream out() throws IOException {
    if (out == null) {
      response.setContentType(contentType);
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(fileName).build().toString());
      out = response.getOutputStream();
    }
    return out;
  }

  @Override
  public void write(int b) throws IOException {
    out().write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out().write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
  }

  /**
   * Closes the body only if it was opened: closing after a failure must not commit an empty 200
   * (try-with-resources closes before the exception reaches the problem handler).
   */
  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
