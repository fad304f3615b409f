package org.dialogkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A database that cannot be reached is a 503 with Retry-After and a problem body, not a 500
 * (issue 14): the connection pool's failure is what Spring throws when PostgreSQL is down.
 */
class DatabaseUnavailableTest {

  @Test
  void aLostDatabaseIsA503WithRetryAfter() {
    ResponseEntity<ProblemDetail> r = new ProblemDetailsAdvice()
        .databaseUnavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
    assertThat(r.getStatusCode().value()).isEqualTo(503);
    assertThat(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    assertThat(r.getBody().getProperties()).containsEntry("code", "unavailable");
    assertThat(r.getBody().getDetail()).contains("Nothing you sent was stored");
  }
}
