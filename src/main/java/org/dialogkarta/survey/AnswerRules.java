package org.dialogkarta.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.geo.ShapeCheck;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.pin.GivenAnswer;
import org.dialogkarta.pin.PinText;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks answers against the questions asked at that moment (the dialogue's, or one category's,
 * at their current versions) and turns them into {@link CheckedAnswer}s, or throws
 * {@link InvalidInputException} with every fault, each naming {@code answers[i]} (the i-th answer
 * sent) or, for a required question left unanswered, {@code questions.<id>}. The geometry of a
 * map answer is checked further in PostGIS ({@link MapAnswerChecks}).
 */
final class AnswerRules {

  static final int SHORT_TEXT_MAX = 200;
  static final int LONG_TEXT_MAX = 2000;
  static final int MAX_ANSWERS = 200;
  static final int MAX_VERTICES = ShapeCheck.MAX_VERTICES;
  private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AnswerRules() {}

  static List<CheckedAnswer> check(List<Question> questions, List<GivenAnswer> given, boolean requireAll) {
    List<GivenAnswer> answers = given == null ? List.of() : given;
    List<FieldViolation> faults = new ArrayList<>();
    if (answers.size() > MAX_ANSWERS) {
      throw InvalidInputException.of("answers", "answer.too_many", "At most " + MAX_ANSWERS + " answers");
    }
    Map<Long, Question> byId = new HashMap<>();
    questions.forEach(q -> byId.put(q.id(), q));
    Map<Long, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < answers.size(); i++) {
      GivenAnswer a = answers.get(i);
      String field = "answers[" + i + "]";
      if (a == null || a.question() == null) {
        faults.add(FieldViolation.of(field + ".question", "answer.question_missing", "Name the question answered"));
      } else if (!byId.containsKey(a.question())) {
        faults.add(FieldViolation.of(field + ".question", "answer.unknown_question", "Question " + a.question()
            + " is not asked here (no such question, or it belongs to another dialogue or category)"));
      } else if (indexOf.putIfAbsent(a.question(), i) != null) {
        faults.add(FieldViolation.of(field + ".question", "answer.duplicate", "Question " + a.question() + " is answered twice"));
      }
    }
    // In the questionnaire's order, so that a condition's question is decided before it is used.
    Map<Long, CheckedAnswer> checked = new HashMap<>();
    Set<Long> shown = new HashSet<>();
    for (Question q : questions) {
      boolean isShown = shown(q, shown, checked);
      if (isShown) {
        shown.add(q.id());
      }
      Integer index = indexOf.get(q.id());
      JsonNode value = index == null ? null : answers.get(index).value();
      boolean empty = isEmpty(value);
      String field = index == null ? "questions." + q.id() : "answers[" + index + "]";
      if (!isShown) {
        if (!empty) {
          faults.add(FieldViolation.of(field, "answer.hidden", "Question " + q.id()
              + " is not shown for the earlier answers given, so it takes no answer"));
        }
        continue;
      }
      if (empty) {
        if (q.required() && requireAll) {
          faults.add(FieldViolation.of(field, "answer.required", "Question " + q.id() + " (" + q.label().sv() + ") must be answered"));
        }
        continue;
      }
      int before = faults.size();
      CheckedAnswer answer = value(q, field, value, faults);
      if (faults.size() == before && answer != null) {
        checked.put(q.id(), answer);
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    List<CheckedAnswer> inOrder = new ArrayList<>();
    for (Question q : questions) {
      if (checked.containsKey(q.id())) {
        inOrder.add(checked.get(q.id()));
      }
    }
    return inOrder;
  }

  /** Shown when it has no condition, or its condition's question is shown and answered with a code named. */
  private static boolean shown(Question q, Set<Long> shown, Map<Long, CheckedAnswer> checked) {
    Condition c = q.condition();
    if (c == null) {
      return true;
    }
    if (!shown.contains(c.question()) || !checked.containsKey(c.question())) {
      return false;
    }
    JsonNode value = JSON.readTree(checked.get(c.question()).valueJson());
    if (value.isString()) {
      return c.codes().contains(value.asString());
    }
    for (JsonNode code : value) {
      if (c.codes().contains(code.asString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmpty(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode()
        || (value.isString() && PinText.clean(value.asString()) == null && !PinText.hasLoneSurrogate(value.asString()))
        || (value.isArray() && value.isEmpty());
  }

  private static CheckedAnswer value(Question q, String field, JsonNode v, List<FieldViolation> faults) {
    return switch (q.kind()) {
      case SINGLE_CHOICE -> {
        if (v.isArray() && v.size() > 1) {
          faults.add(FieldViolation.of(field, "answer.single_only", "Question " + q.id() + " takes one option"));
          yield null;
        }
        JsonNode one = v.isArray() ? v.get(0) : v;
        if (!one.isString()) {
          yield wrongType(q, field, "an option code", faults);
        }
        if (!q.hasOption(one.asString())) {
          yield unknownOption(q, field, one.asString(), faults);
        }
        yield answer(q, field, JSON.getNodeFactory().stringNode(one.asString()));
      }
      case MULTIPLE_CHOICE, RANKING -> codes(q, field, v, faults);
      case SCALE -> {
        if (!v.isIntegralNumber()) {
          yield wrongType(q, field, "a whole number 1–5", faults);
        }
        if (!v.canConvertToInt() || v.asInt() < 1 || v.asInt() > 5) {
          faults.add(FieldViolation.of(field, "answer.out_of_range", "Question " + q.id() + " takes 1 to 5"));
          yield null;
        }
        yield answer(q, field, JSON.getNodeFactory().numberNode(v.asInt()));
      }
      case NUMBER -> {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
          yield wrongType(q, field, "a number", faults);
        }
        double d = v.asDouble();
        if ((q.min() != null && d < q.min()) || (q.max() != null && d > q.max())) {
          faults.add(FieldViolation.of(field, "answer.out_of_range", "Question " + q.id() + " takes numbers from "
              + (q.min() == null ? "any" : q.min()) + " to " + (q.max() == null ? "any" : q.max())));
          yield null;
        }
        yield answer(q, field, JSON.getNodeFactory().numberNode(d));
      }
      case SHORT_TEXT, LONG_TEXT -> {
        if (!v.isString()) {
          yield wrongType(q, field, "a text", faults);
        }
        if (PinText.hasLoneSurrogate(v.asString())) {
          faults.add(FieldViolation.of(field, "answer.text_invalid", "The text holds a broken character"));
          yield null;
        }
        String text = PinText.clean(v.asString());
        int max = q.kind() == QuestionKind.SHORT_TEXT ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
        if (q.kind() == QuestionKind.SHORT_TEXT) {
          text = text.replace('\n', ' ');
        }
        if (PinText.length(text) > max) {
          faults.add(FieldViolation.of(field, "answer.too_long", "Question " + q.id() + " takes at most " + max + " characters"));
          yield null;
        }
        yield answer(q, field, JSON.getNodeFactory().stringNode(text));
      }
      case MAP_POINT, MAP_LINE, MAP_AREA -> geometry(q, field, v, faults);
    };
  }

  private static CheckedAnswer codes(Question q, String field, JsonNode v, List<FieldViolation> faults) {
    if (!v.isArray()) {
      return wrongType(q, field, "a list of option codes", faults);
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode c : v) {
      if (!c.isString()) {
        return wrongType(q, field, "a list of option codes", faults);
      }
      if (!q.hasOption(c.asString())) {
        return unknownOption(q, field, c.asString(), faults);
      }
      codes.add(c.asString());
    }
    if (new LinkedHashSet<>(codes).size() != codes.size()) {
      faults.add(FieldViolation.of(field, q.kind() == QuestionKind.RANKING ? "answer.ranking_duplicate" : "answer.duplicate_option",
          "Question " + q.id() + " names an option twice"));
      return null;
    }
    if (q.kind() == QuestionKind.RANKING && codes.size() != q.options().size()) {
      faults.add(FieldViolation.of(field, "answer.ranking_incomplete", "Question " + q.id() + " ranks all "
          + q.options().size() + " options, each once"));
      return null;
    }
    var array = JSON.getNodeFactory().arrayNode();
    codes.forEach(array::add);
    return answer(q, field, array);
  }

  private static CheckedAnswer geometry(Question q, String field, JsonNode v, List<FieldViolation> faults) {
    if (!v.isObject() || !v.path("type").isString()) {
      return wrongType(q, field, "a GeoJSON " + q.kind().geometryType(), faults);
    }
    if (!q.kind().geometryType().equals(v.path("type").asString())) {
      faults.add(FieldViolation.of(field, "answer.geometry_type", "Question " + q.id() + " takes a GeoJSON "
          + q.kind().geometryType()));
      return null;
    }
    JsonNode coords = v.path("coordinates");
    try {
      Geometry g = switch (q.kind()) {
        case MAP_POINT -> GEOMETRY.createPoint(position(coords));
        case MAP_LINE -> GEOMETRY.createLineString(positions(coords));
        default -> {
          if (!coords.isArray() || coords.size() != 1) {
            throw new IllegalArgumentException("An area is one outer ring, without holes");
          }
          yield GEOMETRY.createPolygon(positions(coords.get(0)));
        }
      };
      if (g.getNumPoints() > MAX_VERTICES) {
        faults.add(FieldViolation.of(field, "answer.too_many_vertices", "At most " + MAX_VERTICES + " points"));
        return null;
      }
      var value = JSON.getNodeFactory().objectNode();
      value.put("type", q.kind().geometryType());
      value.set("coordinates", coords);
      return new CheckedAnswer(q, field, JSON.writeValueAsString(value), g);
    } catch (TooManyVertices e) {
      faults.add(FieldViolation.of(field, "answer.too_many_vertices", "At most " + MAX_VERTICES + " points"));
      return null;
    } catch (IllegalArgumentException e) {
      faults.add(FieldViolation.of(field, "answer.geometry_malformed", "Question " + q.id() + ": " + e.getMessage()));
      return null;
    }
  }

  private static final class TooManyVertices extends RuntimeException {
    TooManyVertices() {
      super(null, null, false, false);
    }
  }

  private static Coordinate[] positions(JsonNode list) {
    if (!list.isArray()) {
      throw new IllegalArgumentException("coordinates must be a list of [lon, lat] positions");
    }
    if (list.size() > MAX_VERTICES) {
      throw new TooManyVertices();
    }
    Coordinate[] out = new Coordinate[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = position(list.get(i));
    }
    return out;
  }

  private static Coordinate position(JsonNode p) {
    if (!p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new IllegalArgumentException("a position is [lon, lat] in WGS84 degrees");
    }
    double lon = p.get(0).asDouble();
    double lat = p.get(1).asDouble();
    if (!Wgs84.isValidLon(lon) || !Wgs84.isValidLat(lat)) {
      throw new IllegalArgumentException("a position is [lon, lat] in WGS84 degrees, within range");
    }
    return new Coordinate(lon, lat);
  }

  private static CheckedAnswer answer(Question q, String field, JsonNode value) {
    return new CheckedAnswer(q, field, JSON.writeValueAsString(value), null);
  }

  private static CheckedAnswer wrongType(Question q, String field, String wanted, List<FieldViolation> faults) {
    faults.add(FieldViolation.of(field, "answer.wrong_type", "Question " + q.id() + " takes " + wanted));
    return null;
  }

  private static CheckedAnswer unknownOption(Question q, String field, String code, List<FieldViolation> faults) {
    faults.add(FieldViolation.of(field, "answer.unknown_option", "Question " + q.id() + " has no option '" + code + "'"));
    return null;
  }
}
