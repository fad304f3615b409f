package org.dialogkarta.web;

import org.dialogkarta.kernel.DialogkartaProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies of the API. A declared Content-Length over the limit is refused before
 * reading; a chunked body is counted while it is read and fails with {@link BodyTooLargeException},
 * which {@link ProblemDetailsAdvice} answers with 413. Multipart uploads have their own limits.
 * Bodies that carry geometry are large by nature and get a limit of their own: a walk's GPS track,
 * and a dialogue whose study area a GIS engineer exported from QGIS with every vertex.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

  private static final Pattern GEOMETRY_BODY =
      Pattern.compile("/api/v1/walks/[^/]+/tracks|/api/v1/staff/dialogues(/[^/]+)?");

  private final long defaultLimit;
  private final long geometryLimit;

  BodySizeLimitFilter(DialogkartaProperties properties) {
    this.defaultLimit = properties.maxBodyBytes();
    this.geometryLimit = properties.maxGeometryBodyBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !request.getRequestURI().startsWith("/api/")
        || (type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    long limit = GEOMETRY_BODY.matcher(request.getRequestURI()).matches() ? geometryLimit : defaultLimit;
    if (request.getContentLengthLong() > limit) {
      ProblemWriter.write(request, response, 413, "Body too large",
          new BodyTooLargeException(limit).getMessage(), "body.too_large");
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      count += n;
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
