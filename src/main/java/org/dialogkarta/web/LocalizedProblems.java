package org.dialogkarta.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.Language;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Puts the problem details that ProblemDetailsAdvice made into the reader's language just before
 * they are written: {@code detail} and each field's {@code message} from the bundles by
 * {@code code} (ProblemTexts), when the request names a language in {@code Accept-Language}.
 * The codes, fields and statuses stay as they are.
 */
@RestControllerAdvice
class LocalizedProblems implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
      localize(problem, servlet.getServletRequest());
    }
    return body;
  }

  static void localize(ProblemDetail problem, HttpServletRequest request) {
    Optional<Language> language = ProblemTexts.language(request);
    if (language.isEmpty()) {
      return;
    }
    Map<String, Object> properties = problem.getProperties();
    Object code = properties == null ? null : properties.get("code");
    Object errors = properties == null ? null : properties.get("errors");
    List<FieldViolation> faults = List.of();
    if (errors instanceof List<?> list && list.stream().allMatch(FieldViolation.class::isInstance)) {
      faults = list.stream().map(FieldViolation.class::cast)
          .map(f -> FieldViolation.of(f.field(), f.code(), ProblemTexts.text(language.get(), f.code(), f.message())))
          .toList();
      problem.setProperty("errors", faults);
    }
    if ("validation".equals(code) && faults.size() == 1) {
      problem.setDetail(faults.getFirst().message());
    } else if (code instanceof String c) {
      String text = ProblemTexts.text(language.get(), c, problem.getDetail());
      problem.setDetail(text);
    }
  }
}
