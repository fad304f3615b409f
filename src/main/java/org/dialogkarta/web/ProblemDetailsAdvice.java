package org.dialogkarta.web;

import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.ForbiddenException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.BusyException;
import org.dialogkarta.kernel.UnacceptableContentException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become answers: RFC 9457 problem details
 * ({@code application/problem+json}) with {@code status}, {@code title}, {@code detail}, a stable
 * {@code code}, and for validation the {@code errors} list naming each field at fault. Anything
 * unexpected becomes a bare 500 without internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;
  static final int RETRY_AFTER_SECONDS = 30;

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    return validationProblem(e.violations());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not_found");
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), e.code());
  }

  /** Allowed for another role, not for this caller's (profile groups in a pin-level analysis). */
  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    ProblemDetail p = problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), e.code());
    p.setProperty("errors", e.violations());
    return p;
  }

  @ExceptionHandler(UnacceptableContentException.class)
  ProblemDetail unacceptableContent(UnacceptableContentException e) {
    ProblemDetail p = problem(e.status(), e.status().getReasonPhrase(), e.getMessage(),
        e.violations().getFirst().code());
    p.setProperty("errors", e.violations());
    return p;
  }

  /** A multipart body that cannot be parsed (cut off, no boundary) is the client's fault: 400. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail malformedMultipart(MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "Malformed body",
        "The request body is not a readable multipart/form-data body", "body.malformed");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request",
        "Parameter '" + e.getName() + "' has an invalid value", "parameter.invalid");
    p.setProperty("errors", List.of(FieldViolation.of(e.getName(), "parameter.invalid",
        "'" + e.getValue() + "' is not a valid value")));
    return p;
  }

  /**
   * The database cannot be reached (down, restarting, out of connections): a 503 with
   * {@code Retry-After}, so clients and the walk outbox try again instead of giving up.
   */
  @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e) {
    log.warn("Database unavailable: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
            "The service cannot reach its database just now. Nothing you sent was stored; try again in a minute.",
            "unavailable"));
  }

  /** 503 when the service is busy, 429 when the client has used its share; both with Retry-After. */
  @ExceptionHandler(org.dialogkarta.kernel.RetryLaterException.class)
  ResponseEntity<ProblemDetail> retryLater(org.dialogkarta.kernel.RetryLaterException e) {
    boolean busy = e instanceof BusyException;
    HttpStatus status = busy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS;
    return ResponseEntity.status(status)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
        .body(problem(status, busy ? "Busy" : "Too many requests", e.getMessage(), e.code()));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Something went wrong on our side. Nothing you sent was stored.", "internal");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(
            HttpStatus.CONTENT_TOO_LARGE, "Body too large", tooLarge.getMessage(), "body.too_large"));
      }
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed body",
        "The request body is not valid JSON of the expected shape", "body.malformed"));
  }

  /**
   * A file past the multipart limits, refused while the body is parsed, before any controller
   * runs. Those limits sit above the photo limit, so photos normally get the photo's own 413.
   */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
        "Upload too large", "The uploaded file is larger than the service accepts", "upload.too_large"));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
        .map(f -> FieldViolation.of(f.getField(), "field.invalid", f.getDefaultMessage()))
        .toList();
    return ResponseEntity.status(UNPROCESSABLE).body(validationProblem(violations));
  }

  /** Problems raised inside Spring MVC itself (415, 405, 404 of unknown paths) get a code too. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail p && p.getProperties() == null) {
      p.setProperty("code", "http." + statusCode.value());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  static ProblemDetail validationProblem(List<FieldViolation> violations) {
    String fields = String.join(", ", violations.stream().map(FieldViolation::field).distinct().toList());
    ProblemDetail p = problem(UNPROCESSABLE, "Invalid input",
        violations.size() == 1 ? violations.getFirst().message() : "Invalid fields: " + fields,
        "validation");
    p.setProperty("errors", violations);
    return p;
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail, String code) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create("about:blank"));
    p.setProperty("code", code);
    return p;
  }
}
