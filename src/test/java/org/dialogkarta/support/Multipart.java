package org.dialogkarta.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The multipart/form-data body a browser's upload form sends, built part by part. */
public final class Multipart {

  private final String boundary = "----dialogkarta" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** A text field. */
  public Multipart field(String name, String value) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
        + "\r\n").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** A file field, as application/octet-stream. */
  public Multipart file(String name, String fileName, byte[] content) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /** POSTs the parts to {@code path} with the {@code Authorization} header given, none if null. */
  public Api.Response post(Api api, String path, String authorization) {
    return post(api, path, authorization, new String[0]);
  }

  /** The same with more headers, as name, value, name, value, ... */
  public Api.Response post(Api api, String path, String authorization, String... headers) {
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return api.send(request);
  }
}
