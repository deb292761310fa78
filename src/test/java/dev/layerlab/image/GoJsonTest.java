package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {

  @Test
  void escapesLikeGoEncodingJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("created_by", "/bin/sh -c set -xe \t\t&& echo '<x>' \"q\"");
    m.put("n", null);
    m.put("l", List.of());

    String json = new String(GoJson.compact(m), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo(
        "{\"created_by\":\"/bin/sh -c set -xe \\t\\t\\u0026\\u0026 echo '\\u003cx\\u003e' \\\"q\\\"\",\"n\":null,\"l\":[]}");
  }

  @Test
  void indentsLikeMarshalIndentWithThreeSpaces() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("size", 7);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", 2);
    m.put("layers", List.of(inner));

    assertThat(new String(GoJson.indented(m, "   "), StandardCharsets.UTF_8)).isEqualTo(
        "{\n   \"schemaVersion\": 2,\n   \"layers\": [\n      {\n         \"size\": 7\n      }\n   ]\n}");
  }

  @Test
  void timesAreRfc3339NanoWithoutTrailingZeros() {
    assertThat(GoJson.time(Instant.parse("2018-08-22T17:28:57.797346492Z"))).isEqualTo("2018-08-22T17:28:57.797346492Z");
    assertThat(GoJson.time(Instant.parse("2018-08-22T17:28:39.500Z"))).isEqualTo("2018-08-22T17:28:39.5Z");
    assertThat(GoJson.time(Instant.parse("2018-08-22T17:31:32Z"))).isEqualTo("2018-08-22T17:31:32Z");
  }
}
