package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dialogkarta.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The {@code ids} of the pin list, read without HTTP: 2001 ids do not fit in a URL that the
 * server accepts (about 8 KB of request line), so the limit is checked here.
 */
class AnalysisPinIdsTest {

  @Test
  void idsAreDeduplicatedAndLimited() {
    LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("ids", "3, 1,3");
    params.add("ids", "7");
    assertThat(AnalysisPinController.ids(params)).containsExactly(3L, 1L, 7L);

    StringBuilder many = new StringBuilder("1");
    for (int i = 2; i <= 2001; i++) {
      many.append(',').append(i);
    }
    params.set("ids", many.toString());
    assertThatThrownBy(() -> AnalysisPinController.ids(params)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2000");
    assertThat(AnalysisPinController.ids(new LinkedMultiValueMap<>())).isNull();
  }
}
