package org.dialogkarta.analysis.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThemesTest {

  @Test
  void sameInputInAnyOrderGivesTheSameThemes() {
    List<Comment> comments = LabelledComments.load().comments();
    ThemeResult first = Themes.of(comments);
    List<Comment> shuffled = new ArrayList<>(comments);
    Collections.shuffle(shuffled, new Random(3));
    ThemeResult second = Themes.of(shuffled);
    assertThat(second.k()).isEqualTo(first.k());
    assertThat(second.method()).isEqualTo(first.method());
    for (int i = 0; i < first.themes().size(); i++) {
      Theme a = first.themes().get(i);
      Theme b = second.themes().get(i);
      assertThat(b.topWords()).isEqualTo(a.topWords());
      assertThat(b.pinIds()).isEqualTo(a.pinIds());
      assertThat(b.examples()).isEqualTo(a.examples());
    }
  }

  @Test
  void everyCommentIsInOneThemeOrUnclearAndThemesCarryThreeExamples() {
    List<Comment> comments = new ArrayList<>(LabelledComments.load().comments());
    comments.add(new Comment(10_001, "Det är så."));
    comments.add(new Comment(10_002, "   "));
    comments.add(new Comment(10_003, "xyzzyq"));
    ThemeResult result = Themes.of(comments);
    assertThat(result.unclearPinIds()).contains(10_001L, 10_002L, 10_003L);
    int total = result.unclearPinIds().length;
    for (Theme t : result.themes()) {
      assertThat(t.count()).isEqualTo(t.pinIds().length);
      assertThat(t.examples()).hasSize(3);
      assertThat(t.topWords()).isNotEmpty().allSatisfy(w -> assertThat(w).doesNotStartWith(TermVectors.GRAM_MARK));
      assertThat(t.label()).isEqualTo(String.join(", ", t.topWords().subList(0, 3)));
      total += t.count();
    }
    assertThat(total).isEqualTo(comments.size());
    assertThat(result.commentCount()).isEqualTo(comments.size());
  }

  @Test
  void aGivenKIsUsedAndFewCommentsAreOneTheme() {
    List<Comment> comments = LabelledComments.load().comments();
    assertThat(Themes.of(comments, 4).themes()).hasSize(4);
    ThemeResult few = Themes.of(comments.subList(0, 6));
    assertThat(few.k()).isEqualTo(1);
    assertThat(few.method().tooFewToSplit()).isTrue();
    assertThat(Themes.of(List.of()).themes()).isEmpty();
  }

  @Test
  void topWordsKeepOneFormOfAWord() {
    assertThat(Themes.sameWord("lekplats", "lekplatsen")).isTrue();
    assertThat(Themes.sameWord("cykelbanan", "cykelbana")).isTrue();
    assertThat(Themes.sameWord("bussen", "busshållplatsen")).isFalse();
    assertThat(Themes.sameWord("mörkt", "mörker")).isTrue();
    assertThat(Themes.sameWord("ån", "år")).isFalse();
  }

  @Test
  void compoundsCountForTheStemsTheyEndAndBeginWith() {
    assertThat(TermVectors.parts("gatubelysning", java.util.Set.of("belysning", "gat"))).containsExactly("belysning", "gat");
    assertThat(TermVectors.parts("busshållplat", java.util.Set.of("hållplat", "buss"))).containsExactly("hållplat", "buss");
    assertThat(TermVectors.parts("lampan", java.util.Set.of("lamp"))).containsExactly("lamp");
    assertThat(TermVectors.parts("lamp", java.util.Set.of("lamp"))).isEmpty();
  }
}
