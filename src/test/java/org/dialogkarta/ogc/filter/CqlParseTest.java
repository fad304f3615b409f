package org.dialogkarta.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The two encodings of CQL2 read into one tree: each text filter here and its JSON form give the
 * same {@link Expression}, precedence and keywords as CQL2 defines them, and faults name what was
 * expected and where.
 */
class CqlParseTest {

  private static final Operand CATEGORY = new Operand.Property("category");

  @Test
  void andBindsTighterThanOrAndNotTighterThanAnd() {
    Expression e = CqlText.parse("category = 'a' or not category = 'b' AND supports > 2");
    assertThat(e).isEqualTo(new Expression.Or(List.of(
        new Expression.Compare("=", CATEGORY, new Operand.Text("a")),
        new Expression.And(List.of(
            new Expression.Not(new Expression.Compare("=", CATEGORY, new Operand.Text("b"))),
            new Expression.Compare(">", new Operand.Property("supports"), new Operand.Number(new BigDecimal("2"))))))));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "category = 'safety_concern' | {\"op\":\"=\",\"args\":[{\"property\":\"category\"},\"safety_concern\"]}",
      "text NOT LIKE '%lampa%' | {\"op\":\"not\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"text\"},\"%lampa%\"]}]}",
      "CASEI(text) LIKE casei('%Lampa%') | {\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"text\"}]},{\"op\":\"casei\",\"args\":[\"%Lampa%\"]}]}",
      "supports BETWEEN 2 AND 5 | {\"op\":\"between\",\"args\":[{\"property\":\"supports\"},2,5]}",
      "status IN ('done', 'planned') | {\"op\":\"in\",\"args\":[{\"property\":\"status\"},[\"done\",\"planned\"]]}",
      "neighbourhood IS NOT NULL | {\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"neighbourhood\"}]}]}",
      "T_INTERSECTS(createdAt, INTERVAL('2026-05-02', '..')) | {\"op\":\"t_intersects\",\"args\":[{\"property\":\"createdAt\"},{\"interval\":[\"2026-05-02\",\"..\"]}]}",
      "createdAt >= TIMESTAMP('2026-05-01T12:00:00Z') | {\"op\":\">=\",\"args\":[{\"property\":\"createdAt\"},{\"timestamp\":\"2026-05-01T12:00:00Z\"}]}",
      "S_INTERSECTS(geometry, BBOX(15.5, 58.3, 15.7, 58.5)) | {\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[15.5,58.3,15.7,58.5]}]}",
      "\"supports\" <> 0 or true | {\"op\":\"or\",\"args\":[{\"op\":\"<>\",\"args\":[{\"property\":\"supports\"},0]},true]}",
  })
  void textAndJsonGiveTheSameTree(String text, String json) {
    assertThat(CqlText.parse(text)).isEqualTo(CqlJson.parse(json));
  }

  @Test
  void literalsAreReadAsTheirTypes() {
    Expression e = CqlText.parse("T_DURING(INTERVAL(startsOn, endsOn), INTERVAL(DATE('2026-01-01'),"
        + " TIMESTAMP('2026-06-30T22:00:00+02:00')))");
    assertThat(e).isEqualTo(new Expression.Temporal("T_DURING",
        new Operand.Interval(new Operand.Property("startsOn"), new Operand.Property("endsOn")),
        new Operand.Interval(new Operand.Day(LocalDate.parse("2026-01-01")),
            new Operand.Timestamp(Instant.parse("2026-06-30T20:00:00Z")))));
    assertThat(CqlText.parse("text = 'Skolans ''genväg'''"))
        .isEqualTo(new Expression.Compare("=", new Operand.Property("text"), new Operand.Text("Skolans 'genväg'")));
    assertThat(CqlText.parse("S_WITHIN(geometry, POLYGON ((1 2, 3 4, 5 6, 1 2)))")).isEqualTo(new Expression.Spatial(
        "S_WITHIN", new Operand.Property("geometry"), new Operand.Geometry("POLYGON ((1 2, 3 4, 5 6, 1 2))", false)));
    assertThat(CqlText.parse("supports < -1.5e1")).isEqualTo(new Expression.Compare("<",
        new Operand.Property("supports"), new Operand.Number(new BigDecimal("-1.5e1"))));
  }

  @Test
  void aBboxBecomesItsPolygon() {
    Operand.Geometry box = (Operand.Geometry) ((Expression.Spatial) CqlText.parse(
        "S_INTERSECTS(geometry, BBOX(1, 2, 0, 3, 4, 10))")).right();
    assertThat(box.text()).isEqualTo("POLYGON((1 2,3 2,3 4,1 4,1 2))");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "category = | Expected a value or a property at character 11, found the end",
      "category = 'a' AND | Expected a value or a property at character 19, found the end",
      "(category = 'a' | Expected ')' at character 16",
      "category LIKES 'a' | Expected a comparison",
      "text = 'open | the closing quote",
      "supports BETWEEN 1 OR 2 | Expected AND (BETWEEN low AND high)",
      "DATE('2026-13-01') = createdAt | is not a date",
      "A_CONTAINS(subtags, ('x')) | array functions",
      "upper(text) = 'A' | Unknown function 'upper'",
      "category = 'a' category = 'b' | Expected end of the filter at character 16",
  })
  void textFaultsSayWhatWasExpectedAndWhere(String filter, String message) {
    assertThatThrownBy(() -> CqlText.parse(filter)).isInstanceOf(FilterException.class).hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"op\":\"=\",\"args\":[{\"property\":\"a\"}]}",
      "{\"op\":\"like\"}",
      "{\"op\":\"frobnicate\",\"args\":[1,2]}",
      "{\"args\":[1,2]}",
      "{\"op\":\"in\",\"args\":[{\"property\":\"a\"},[]]}",
      "{\"op\":\"=\",\"args\":[{\"property\":\"a\"},{\"nonsense\":1}]}",
      "[1,2",
  })
  void jsonFaultsAreFilterFaults(String filter) {
    assertThatThrownBy(() -> CqlJson.parse(filter)).isInstanceOf(FilterException.class);
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String text = "NOT ".repeat(1_000) + "category = 'a'";
    assertThatThrownBy(() -> CqlText.parse(text)).isInstanceOf(FilterException.class).hasMessageContaining("nests");
    String parens = "(".repeat(3_000) + "category = 'a'" + ")".repeat(3_000);
    assertThatThrownBy(() -> CqlText.parse(parens)).isInstanceOf(FilterException.class).hasMessageContaining("nests");
    String json = "{\"op\":\"not\",\"args\":[".repeat(100) + "true" + "]}".repeat(100);
    assertThatThrownBy(() -> CqlJson.parse(json)).isInstanceOf(FilterException.class).hasMessageContaining("nests");
    assertThatThrownBy(() -> CqlText.parse("x".repeat(CqlText.MAX_LENGTH + 1))).hasMessageContaining("longer than");
  }

  @Test
  void sortbyReadsSignsAndRefusesWhatCannotBeSorted() {
    assertThat(SortBy.parse("-createdAt, +id,text").keys()).containsExactly(new SortBy.Key("createdAt", true),
        new SortBy.Key("id", false), new SortBy.Key("text", false));
    java.util.Map<String, Queryable> q = java.util.Map.of(
        "createdAt", Queryable.of("createdAt", "Created", "p.created_at", Queryable.Type.TIMESTAMP),
        "geometry", Queryable.geometry("Place", "p.location", "point"));
    assertThat(SortBy.parse("-createdAt").orderBy(q, "p.id")).isEqualTo("p.created_at DESC NULLS LAST, p.id");
    assertThatThrownBy(() -> SortBy.parse("geometry").orderBy(q, "p.id")).hasMessageContaining("Cannot sort by 'geometry'");
    assertThatThrownBy(() -> SortBy.parse("a,,b")).isInstanceOf(FilterException.class);
  }
}
