package org.dialogkarta.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.kernel.DialogkartaProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MetricCrsTest {

  @Autowired JdbcClient jdbc;
  @Autowired MetricCrs configured;

  @Test
  void sweref99TmIsTheDefault() {
    assertThat(configured.srid()).isEqualTo(3006);
  }

  @Test
  void aLocalSwerefZoneIsAccepted() {
    assertThat(new MetricCrs(props(3010), jdbc).srid()).isEqualTo(3010);
  }

  @Test
  void degreesAndUnknownCodesStopTheStart() {
    assertThatThrownBy(() -> new MetricCrs(props(4326), jdbc)).hasMessageContaining("not a projected CRS in metres");
    assertThatThrownBy(() -> new MetricCrs(props(999_999), jdbc)).hasMessageContaining("not a CRS that PostGIS knows");
  }

  private static DialogkartaProperties props(int srid) {
    return new DialogkartaProperties(false, srid, 65536, null);
  }
}
