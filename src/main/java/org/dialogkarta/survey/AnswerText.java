package org.dialogkarta.survey;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An answer's value in words (Swedish labels of its version), for staff views and exports. */
final class AnswerText {

  private AnswerText() {}

  static String of(Question q, JsonNode value) {
    return switch (q.kind()) {
      case SINGLE_CHOICE -> q.optionLabel(value.asString());
      case MULTIPLE_CHOICE -> String.join("; ", labels(q, value));
      case RANKING -> {
        List<String> labels = labels(q, value);
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
          numbered.add((i + 1) + ". " + labels.get(i));
        }
        yield String.join("; ", numbered);
      }
      case SCALE -> {
        int step = value.asInt();
        String label = q.scaleLabels().size() == 5 ? q.scaleLabels().get(step - 1).sv()
            : q.scaleLabels().size() == 2 && (step == 1 || step == 5) ? q.scaleLabels().get(step == 1 ? 0 : 1).sv() : null;
        yield label == null ? String.valueOf(step) : step + " (" + label + ")";
      }
      case NUMBER -> {
        double d = value.asDouble();
        yield d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
      }
      case SHORT_TEXT, LONG_TEXT -> value.asString();
      case MAP_POINT, MAP_LINE, MAP_AREA -> value.toString();
    };
  }

  private static List<String> labels(Question q, JsonNode codes) {
    List<String> out = new ArrayList<>();
    codes.forEach(c -> out.add(q.optionLabel(c.asString())));
    return out;
  }
}
