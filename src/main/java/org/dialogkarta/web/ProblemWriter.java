package org.dialogkarta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem-details answer from a servlet filter, where {@link ProblemDetailsAdvice} cannot
 * reach (body size limit, sign-in required, access denied). Same shape as the advice's answers, and
 * like them in the reader's language (ProblemTexts).
 */
public final class ProblemWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  public static void write(HttpServletRequest request, HttpServletResponse response, int status,
      String title, String detail, String code) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", ProblemTexts.language(request).map(l -> ProblemTexts.text(l, code, detail)).orElse(detail));
    body.put("instance", request.getRequestURI());
    body.put("code", code);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
