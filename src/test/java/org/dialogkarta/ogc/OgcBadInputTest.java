package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input to the OGC API is a 4xx problem, never a 5xx and never unfiltered data. */
class OgcBadInputTest extends OgcTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "limit=0                                   | limit",
      "limit=10001                               | limit",
      "limit=-5                                  | limit",
      "limit=ten                                 | limit",
      "limit=1&limit=2                           | limit",
      "offset=-1                                 | offset",
      "offset=x                                  | offset",
      "bbox=16.1,58.5,16.2                       | bbox",
      "bbox=16.1,58.5,16.2,58.6,1                | bbox",
      "bbox=6490000,570000,6500000,560000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3006 | bbox",
      "bbox=16.1,58.6,16.2,58.5                  | bbox",
      "bbox=NaN,58.5,16.2,58.6                   | bbox",
      "bbox=16.1,58.5,Infinity,58.6              | bbox",
      "bbox=16.1,58.5,16.2,abc                   | bbox",
      "bbox=-181,58.5,16.2,58.6                  | bbox",
      "bbox=16.1,-91,16.2,58.6                   | bbox",
      "bbox=91,16.1,92,16.2&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326     | bbox",
      "bbox=0,0,1e15,1e15&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3006       | bbox",
      "bbox=0,0,3e7,3e7&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857         | bbox",
      "bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2400                          | bbox-crs",
      "crs=EPSG:3006                             | crs",
      "crs=http://www.opengis.net/def/crs/EPSG/0/9999 | crs",
      "datetime=yesterday                        | datetime",
      "datetime=2026-13-01T00:00:00Z             | datetime",
      "datetime=2026-05-01T00:00:00              | datetime",
      "datetime=../..                            | datetime",
      "datetime=%2B999999999-01-01T00:00:00Z     | datetime",
      "datetime=2026-02-30                       | datetime",
      "datetime=99999-01-01T00:00:00Z/..         | datetime",
      "datetime=2026-5-1                         | datetime",
      "datetime=2026-06-01T00:00:00Z/2026-05-01T00:00:00Z | datetime",
      "datetime=2026-05-01/2026-06-01/2026-07-01 | datetime",
      "category=graffiti                         | category",
      "category=suggestion,,                     | category",
      "status=closed                             | status",
      "f=xml                                     | f",
      "filter=x                                  | filter",
      "sortby=nosuch                             | sortby"})
  void badItemsParametersAre400(String query, String field) {
    Api.Response r = api.get(items() + "?" + query);
    Problems.assertProblem(r, 400, "ogc.parameter.invalid", field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ogc/collections/neighbourhoods/items?category=suggestion",
      "/ogc/collections/walk-routes/items?status=done"})
  void pinFiltersOnOtherLayersAre400(String path) {
    assertThat(api.get(path).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ogc/collections/no-such-layer", "/ogc/collections/no-such-layer/items",
      "/ogc/collections/no-such-layer/items/1", "/ogc/collections/pins/items/999999999999",
      "/ogc/collections/pins/items/abc", "/ogc/collections/pins-no-such-dialogue/items"})
  void unknownCollectionsAndFeaturesAre404(String path) {
    Problems.assertProblem(api.get(path), 404, "not_found", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ogc?f=pdf", "/ogc/collections?f=xml", "/ogc/collections/pins/items/1?crs=x",
      "/ogc/collections/pins/items/1?limit=5"})
  void badParametersElsewhereAre400(String path) {
    assertThat(api.get(path).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE"})
  void theApiIsReadOnly(String method) {
    Api.Response r = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + items()))
        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json"));
    assertThat(r.status()).isBetween(400, 499);
  }
}
