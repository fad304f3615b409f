package org.dialogkarta.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action code and target type the code base writes to the audit log has a name in both
 * bundles, so the audit page never shows a bare code. The codes are read from the calls
 * {@code audit.record(...)} in the sources: a string literal, or a {@code static final String}
 * constant; a call whose action the test cannot read fails it rather than being skipped.
 */
class AuditLabelsTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern CALL = Pattern.compile("\\baudit\\.record\\(\\s*([^,]+?)\\s*,\\s*([^,]+?)\\s*,");
  private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";");
  private static final Pattern LITERAL = Pattern.compile("\"([^\"]+)\"");
  /** The one place that passes an action through: its callers name the codes as constants. */
  private static final Set<String> PASS_THROUGH = Set.of("export/ExportAudit.java");

  @Test
  void everyActionCodeAndTargetTypeHasALabelInBothBundles() throws IOException {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(SOURCES.resolve("org/dialogkarta").relativize(file).toString().replace('\\', '/'),
            Files.readString(file));
      }
    }
    Map<String, String> constants = new HashMap<>();
    sources.forEach((file, text) -> {
      Matcher m = CONSTANT.matcher(text);
      while (m.find()) {
        String owner = Path.of(file).getFileName().toString().replace(".java", "");
        constants.put(m.group(1), m.group(2));
        constants.put(owner + "." + m.group(1), m.group(2));
      }
    });

    Set<String> actions = new TreeSet<>();
    Set<String> types = new TreeSet<>();
    sources.forEach((file, text) -> {
      Matcher m = CALL.matcher(text);
      while (m.find()) {
        String action = m.group(1);
        Matcher literal = LITERAL.matcher(action);
        if (literal.matches()) {
          actions.add(literal.group(1));
        } else if (constants.containsKey(action)) {
          actions.add(constants.get(action));
        } else {
          assertThat(PASS_THROUGH).as("an audit action in %s the test cannot read: %s", file, action).contains(file);
        }
        Matcher type = LITERAL.matcher(m.group(2));
        while (type.find()) {
          types.add(type.group(1));
        }
      }
    });
    // A guard against the scan silently finding nothing (a renamed field, a changed call).
    assertThat(actions).contains("pin.approve", "account.create", "export.download", "export.job_start",
        "export.job_file", "walk.create", "view.register", "retention.run");
    assertThat(types).contains("pin", "staff_account", "dialogue", "export", "walk", "incoming_view");

    for (String bundle : List.of("messages.properties", "messages_en.properties")) {
      Properties messages = bundle(bundle);
      assertThat(actions).as("action codes without a label in %s", bundle)
          .allSatisfy(code -> assertThat(messages.getProperty("staff.audit.action." + code)).as(code).isNotBlank());
      assertThat(types).as("target types without a label in %s", bundle)
          .allSatisfy(type -> assertThat(messages.getProperty("staff.audit.type." + type)).as(type).isNotBlank());
    }
  }

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
