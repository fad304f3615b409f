package org.dialogkarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the feature packages run one way (issue 12). Read from the sources: every
 * import line (static too) and every fully qualified name outside comments that names another
 * package under {@code org.dialogkarta}. No library: the rules are few and the sources are plain.
 */
class PackageDependencyTest {

  private static final Path SOURCES = Path.of("src/main/java/org/dialogkarta");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.dialogkarta\\.([a-z_]+)\\.([A-Za-z_][\\w.]*)");

  /**
   * The HTTP edge, which may use {@code web}; every other package is a domain package and throws
   * kernel exceptions that {@code web.ProblemDetailsAdvice} maps. {@code security}'s filters
   * answer 401, 403 and 429 before any controller runs, so they write problem details through
   * {@code web.ProblemWriter} themselves. A new package that belongs to the edge goes here, with
   * its reason.
   */
  private static final Set<String> EDGE = Set.of("web", "security");

  /** A package's references to other packages of ours: package → referenced "package.Type" names. */
  private static final Map<String, Set<String>> REFERENCES = references();

  @Test
  void pinDoesNotDependOnWalk() {
    // walk -> pin is the allowed direction: walk implements pin.WalkWindows for the pin rules.
    assertThat(referencesTo("pin", "walk")).isEmpty();
  }

  @Test
  void photoDependsOnPinOnlyForTheOneRuleOfWhatIsPublic() {
    // A photo is exactly as public as its pin; pin.PublicPins is the one definition of that
    // rule, shared with the map, analysis, exports and the OGC API. Receipts and idempotency,
    // which photos also need, are in the receipt package.
    assertThat(referencesTo("photo", "pin")).isSubsetOf(Set.of("pin.PublicPins"));
  }

  @Test
  void walkUsesPhotoOnlyThroughTheCleaner() {
    // Rating photos at a walk's stops are cleaned exactly like pin photos, through the one public
    // door; photo knows nothing of walks.
    assertThat(referencesTo("walk", "photo")).isSubsetOf(Set.of("photo.PhotoCleaner", "photo.PhotoCleaner.Cleaned"));
    assertThat(referencesTo("photo", "walk")).isEmpty();
  }

  @Test
  void noDomainPackageDependsOnWeb() {
    Map<String, Set<String>> offenders = new TreeMap<>();
    REFERENCES.forEach((pkg, refs) -> {
      if (!EDGE.contains(pkg)) {
        Set<String> web = referencesTo(pkg, "web");
        if (!web.isEmpty()) {
          offenders.put(pkg, web);
        }
      }
    });
    assertThat(offenders).as("domain packages must throw kernel exceptions, not use web").isEmpty();
    assertThat(referencesTo("security", "web")).isSubsetOf(Set.of("web.ProblemWriter"));
  }

  @Test
  void kernelAndReceiptDependOnNoFeature() {
    assertThat(REFERENCES.getOrDefault("kernel", Set.of())).isEmpty();
    assertThat(REFERENCES.getOrDefault("receipt", Set.of())).allMatch(ref -> ref.startsWith("kernel."));
  }

  @Test
  void mailIsALeafEveryFeatureMayUse() {
    // Features queue messages through mail.Outbox; mail itself knows none of them.
    assertThat(REFERENCES.getOrDefault("mail", Set.of())).allMatch(ref -> ref.startsWith("kernel."));
  }

  @Test
  void feedsAndOpen311UsePinOnlyThroughItsPublicDoors() {
    // What may leave the system is pin.PublicPins' rule; a new request is a citizen's pin through
    // pin.PinSubmissions, under exactly the citizens' rules.
    assertThat(referencesTo("feed", "pin")).isSubsetOf(Set.of("pin.PublicPins"));
    assertThat(referencesTo("open311", "pin")).isSubsetOf(Set.of("pin.PublicPins", "pin.PinSubmissions",
        "pin.PinSubmission", "pin.SubmittedPin"));
    assertThat(referencesTo("pin", "open311")).isEmpty();
  }

  @Test
  void theScanSeesImportsStaticImportsAndQualifiedNamesButNotComments() {
    List<String> source = List.of(
        "package org.dialogkarta.pin;",
        "import org.dialogkarta.walk.WalkWindow;",
        "import static org.dialogkarta.web.ProblemWriter.write;",
        "/** See {@link org.dialogkarta.report.Topic}. */",
        "  // org.dialogkarta.audit.AuditLog in a comment",
        "  var x = new org.dialogkarta.geo.BoundingBox(1, 2, 3, 4);");
    assertThat(referencesIn("pin", source)).containsExactlyInAnyOrder("walk.WalkWindow", "web.ProblemWriter.write",
        "geo.BoundingBox");
    // And the real sources are read: pin uses kernel, walk uses pin.
    assertThat(REFERENCES.get("pin")).anyMatch(ref -> ref.startsWith("kernel."));
    assertThat(referencesTo("walk", "pin")).contains("pin.WalkWindow", "pin.WalkWindows");
  }

  private static Set<String> referencesTo(String from, String to) {
    Set<String> out = new TreeSet<>();
    for (String ref : REFERENCES.getOrDefault(from, Set.of())) {
      if (ref.startsWith(to + ".")) {
        out.add(ref);
      }
    }
    return out;
  }

  private static Map<String, Set<String>> references() {
    Map<String, Set<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
          return; // the application class in the root package
        }
        String pkg = relative.getName(0).toString();
        try {
          out.computeIfAbsent(pkg, p -> new TreeSet<>()).addAll(referencesIn(pkg, Files.readAllLines(file)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(out).as("sources under " + SOURCES.toAbsolutePath()).containsKeys("pin", "photo", "walk", "web");
    return out;
  }

  /** The references to other packages in one file of package {@code pkg}, outside comments. */
  static Set<String> referencesIn(String pkg, List<String> lines) {
    Set<String> out = new TreeSet<>();
    for (String line : lines) {
      String code = line.strip();
      if (code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
        continue;
      }
      int comment = code.indexOf("//");
      if (comment >= 0) {
        code = code.substring(0, comment);
      }
      Matcher m = REFERENCE.matcher(code);
      while (m.find()) {
        if (!m.group(1).equals(pkg)) {
          out.add(m.group(1) + "." + m.group(2).replaceAll("\\.$", ""));
        }
      }
    }
    return out;
  }
}
