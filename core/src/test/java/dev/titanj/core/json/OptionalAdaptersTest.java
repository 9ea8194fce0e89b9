package dev.titanj.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OptionalAdaptersTest {
  private final JsonAdapter<Optional<BigDecimal>> optionalDecimal = TitanJson.moshi().adapter(
      Types.newParameterizedType(Optional.class, BigDecimal.class));

  @Test
  void optional_readsNullAsEmpty_andValueThroughInnerAdapter() throws IOException {
    assertThat(optionalDecimal.fromJson("null")).isEmpty();
    assertThat(optionalDecimal.fromJson("\"1.50\"")).contains(new BigDecimal("1.50"));
    assertThat(optionalDecimal.fromJson("\"\"")).isEmpty();
  }

  @Test
  void optional_writesEmptyAsNull_soObjectFieldsAreOmitted() {
    assertThat(optionalDecimal.toJson(Optional.empty())).isEqualTo("null");
    assertThat(optionalDecimal.toJson(Optional.of(new BigDecimal("2.0")))).isEqualTo("2.0");
    JsonAdapter<Map<String, Optional<String>>> map = TitanJson.moshi().adapter(
        Types.newParameterizedType(Map.class, String.class,
            Types.newParameterizedType(Optional.class, String.class)));
    assertThat(map.toJson(Map.of("a", Optional.empty()))).isEqualTo("{}");
  }

  @Test
  void primitiveOptionals_readAndWrite() throws IOException {
    JsonAdapter<OptionalLong> longs = TitanJson.moshi().adapter(OptionalLong.class);
    JsonAdapter<OptionalInt> ints = TitanJson.moshi().adapter(OptionalInt.class);
    JsonAdapter<OptionalDouble> doubles = TitanJson.moshi().adapter(OptionalDouble.class);
    assertThat(longs.fromJson("9007199254740993")).hasValue(9007199254740993L);
    assertThat(longs.fromJson("null")).isEmpty();
    assertThat(ints.fromJson("\"12\"")).hasValue(12);
    assertThat(doubles.fromJson("1.5")).hasValue(1.5);
    assertThat(longs.toJson(OptionalLong.of(7))).isEqualTo("7");
    assertThat(longs.toJson(OptionalLong.empty())).isEqualTo("null");
    assertThat(ints.toJson(OptionalInt.of(3))).isEqualTo("3");
    assertThat(doubles.toJson(OptionalDouble.empty())).isEqualTo("null");
  }
}
