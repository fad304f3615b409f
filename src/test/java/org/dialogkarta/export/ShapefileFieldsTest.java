package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented ten-character rule, including names that collide once cut, and the UTF-8 cut. */
class ShapefileFieldsTest {

  @Test
  void namesAreCutToTenAndCollisionsNumbered() {
    List<Field> fields = List.of(Field.text("id"), Field.text("neighbourhood"), Field.text("neighbourhood_code"),
        Field.text("neighbourhood_name"), Field.text("department"), Field.text("time_of_day"));
    assertThat(ShapefileFields.names(fields))
        .containsExactly("id", "neighbourh", "neighbou_2", "neighbou_3", "department", "time_of_da");
    assertThat(ShapefileFields.table(fields)).contains("neighbou_2\tneighbourhood_code\r\n");
  }

  @Test
  void textsAreCutAtAWholeCharacter() {
    String text = "å".repeat(200);
    String cut = ShapefileWriter.cut(text, 254);
    assertThat(cut).isEqualTo("å".repeat(127));
    assertThat(ShapefileWriter.cut("kort", 16)).isEqualTo("kort");
    assertThat(ShapefileWriter.cut("a😀b", 4)).isEqualTo("a");
  }
}
