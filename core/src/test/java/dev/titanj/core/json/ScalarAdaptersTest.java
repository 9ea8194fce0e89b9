package dev.titanj.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarAdaptersTest {
  private static <T> T read(Class<T> type, String json) throws IOException {
    return TitanJson.moshi().adapter(type).fromJson(json);
  }

  private static <T> String write(Class<T> type, T value) {
    return TitanJson.moshi().adapter(type).toJson(value);
  }

  // Instant ------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2025-01-02T03:04:05Z            | 2025-01-02T03:04:05Z",
      "2025-01-02T03:04:05.1Z          | 2025-01-02T03:04:05.100Z",
      "2025-01-02T03:04:05.1234567Z    | 2025-01-02T03:04:05.123456700Z",
      "2025-01-02T03:04:05.123456789Z  | 2025-01-02T03:04:05.123456789Z",
      "2025-01-02T03:04:05+02:00       | 2025-01-02T01:04:05Z",
      "2025-01-02T03:04:05.5-05:30     | 2025-01-02T08:34:05.500Z",
      "2025-01-02T03:04:05+0200        | 2025-01-02T01:04:05Z",
      "2025-01-02T03:04:05-01          | 2025-01-02T04:04:05Z",
      "2025-01-02T03:04:05             | 2025-01-02T03:04:05Z",
      "2025-01-02T03:04:05.1234567     | 2025-01-02T03:04:05.123456700Z",
      "2025-01-02 03:04:05Z            | 2025-01-02T03:04:05Z",
      "2024-02-29T23:59:59z            | 2024-02-29T23:59:59Z",
      "2025-01-02T03:04Z               | 2025-01-02T03:04:00Z",
      "2025-01-02T03:04:05+02:00[Europe/Paris] | 2025-01-02T01:04:05Z",
      "2025-01-02                      | 2025-01-02T00:00:00Z",
  })
  void instant_readsIsoVariants(String wire, String expected) throws IOException {
    assertThat(read(Instant.class, "\"" + wire + "\"")).isEqualTo(Instant.parse(expected));
  }

  @Test
  void instant_fastPathAgreesWithJavaTime_onRandomInstantsAndOffsets() {
    Random random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000) + 1_000_000_000L,
          random.nextInt(1_000_000_000) / (i % 3 == 0 ? 1 : 100) * (i % 3 == 0 ? 1 : 100));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(48) - 24) * 1800);
      String text = OffsetDateTime.ofInstant(instant, offset).toString();
      assertThat(ScalarAdapters.parseInstantFast(text)).as(text).isEqualTo(instant);
      String local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
      assertThat(ScalarAdapters.parseInstant(local)).as(local).isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "yesterday",
      "2025-01-02T25:00:00Z", "2025-01-02T03:04:05+2", "2025-01-02T03:04:05.1234567890Z"})
  void instant_whenInvalid_failsWithPathAndCause(String wire) {
    JsonAdapter<List<Instant>> list =
        TitanJson.moshi().adapter(Types.newParameterizedType(List.class, Instant.class));
    assertThatThrownBy(() -> list.fromJson("[\"2025-01-01T00:00:00Z\", \"" + wire + "\"]"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("ISO-8601 date-time")
        .hasMessageEndingWith("at path $[1]")
        .hasCauseInstanceOf(java.time.DateTimeException.class);
  }

  @Test
  void instant_whenNumber_failsRatherThanGuessing() {
    assertThatThrownBy(() -> read(Instant.class, "1735787045"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void instant_nullAndBlank_readAsNull() throws IOException {
    assertThat(read(Instant.class, "null")).isNull();
    assertThat(read(Instant.class, "\"  \"")).isNull();
  }

  @Test
  void instant_writesIsoUtc_withFractionOnlyWhenPresent() {
    assertThat(write(Instant.class, Instant.parse("2025-01-02T03:04:05Z")))
        .isEqualTo("\"2025-01-02T03:04:05Z\"");
    assertThat(write(Instant.class, Instant.parse("2025-01-02T03:04:05.5Z")))
        .isEqualTo("\"2025-01-02T03:04:05.500Z\"");
    assertThat(write(Instant.class, null)).isEqualTo("null");
  }

  // LocalDate ----------------------------------------------------------------------------------

  @Test
  void localDate_readsDateAndDatePartOfDateTime() throws IOException {
    assertThat(read(LocalDate.class, "\"2025-01-02\"")).isEqualTo(LocalDate.of(2025, 1, 2));
    assertThat(read(LocalDate.class, "\"2025-01-02T00:00:00Z\""))
        .isEqualTo(LocalDate.of(2025, 1, 2));
    assertThat(write(LocalDate.class, LocalDate.of(2025, 1, 2))).isEqualTo("\"2025-01-02\"");
  }

  @Test
  void localDate_whenInvalid_fails() {
    assertThatThrownBy(() -> read(LocalDate.class, "\"2025-02-30\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("ISO-8601 date")
        .hasCauseInstanceOf(java.time.DateTimeException.class);
  }

  // BigDecimal ---------------------------------------------------------------------------------

  @Test
  void bigDecimal_readsNumbersAndStringsExactly_keepingScale() throws IOException {
    BigDecimal fromString = read(BigDecimal.class, "\"12.30\"");
    BigDecimal fromNumber = read(BigDecimal.class, "12.30");
    assertThat(fromString).isEqualTo(new BigDecimal("12.30")).hasScaleOf(2);
    assertThat(fromNumber).isEqualTo(new BigDecimal("12.30")).hasScaleOf(2);
    assertThat(read(BigDecimal.class, "0.1")).isEqualTo(new BigDecimal("0.1"));
    assertThat(read(BigDecimal.class, "123456789012345678901234567890.123456789"))
        .isEqualTo(new BigDecimal("123456789012345678901234567890.123456789"));
    assertThat(read(BigDecimal.class, "-5")).isEqualTo(new BigDecimal("-5"));
    assertThat(read(BigDecimal.class, "\" 7.5 \"")).isEqualTo(new BigDecimal("7.5"));
  }

  @Test
  void bigDecimal_writesPlainNumber() {
    assertThat(write(BigDecimal.class, new BigDecimal("12.30"))).isEqualTo("12.30");
    assertThat(write(BigDecimal.class, new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(write(BigDecimal.class, new BigDecimal("1E-9"))).isEqualTo("0.000000001");
  }

  @Test
  void bigDecimal_whenNotANumber_failsNamingPath() {
    assertThatThrownBy(() -> read(BigDecimal.class, "\"12,30\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("decimal number")
        .hasMessageContaining("at path $");
    assertThatThrownBy(() -> read(BigDecimal.class, "true"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("BOOLEAN");
  }

  // Duration -----------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "02:00:00          | PT2H",
      "09:00             | PT9H",
      "1.02:03:04        | P1DT2H3M4S",
      "00:00:30.5000000  | PT30.5S",
      "00:00:00.0000001  | PT0.0000001S",
      "-01:30:00         | PT-1H-30M",
      "-1.00:00:00       | PT-24H",
      "00:00:00          | PT0S",
      "3                 | P3D",
      "PT45M             | PT45M",
      "30.00:00:00       | P30D",
  })
  void duration_readsDotNetTimeSpans(String wire, String expected) throws IOException {
    assertThat(read(Duration.class, "\"" + wire + "\"")).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PT2H         | 02:00:00",
      "PT9H         | 09:00:00",
      "P1DT2H3M4S   | 1.02:03:04",
      "PT30.5S      | 00:00:30.5000000",
      "PT-1H-30M    | -01:30:00",
      "PT0S         | 00:00:00",
      "P12D         | 12.00:00:00",
  })
  void duration_writesDotNetConstantFormat(String value, String wire) {
    assertThat(write(Duration.class, Duration.parse(value))).isEqualTo("\"" + wire + "\"");
  }

  @Test
  void duration_roundTripsThroughWireForm() throws IOException {
    for (String wire : List.of("02:00:00", "1.02:03:04", "00:00:30.5000000", "-3.04:05:06.0000007")) {
      Duration d = read(Duration.class, "\"" + wire + "\"");
      assertThat(write(Duration.class, d)).isEqualTo("\"" + wire + "\"");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2 hours", "01:60:00", "1.24:00:00", "::", "00:00:00.1234567890"})
  void duration_whenInvalid_fails(String wire) {
    assertThatThrownBy(() -> read(Duration.class, "\"" + wire + "\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("time span");
  }

  // UUID ---------------------------------------------------------------------------------------

  @Test
  void uuid_readsAnyCaseAndBraces_writesLowerCase() throws IOException {
    UUID id = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(read(UUID.class, "\"3F2504E0-4F89-11D3-9A0C-0305E82C3301\"")).isEqualTo(id);
    assertThat(read(UUID.class, "\"{3f2504e0-4f89-11d3-9a0c-0305e82c3301}\"")).isEqualTo(id);
    assertThat(write(UUID.class, id)).isEqualTo("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-2-3-4-5", "not-a-guid", "3f2504e0-4f89-11d3-9a0c-0305e82c33011"})
  void uuid_whenMalformed_fails(String wire) {
    assertThatThrownBy(() -> read(UUID.class, "\"" + wire + "\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("GUID");
  }

  @Test
  void adaptersAreRegisteredOnTheSharedMoshi() {
    JsonAdapter<Instant> adapter = TitanJson.moshi().adapter(Instant.class);
    assertThat(adapter).isSameAs(TitanJson.moshi().adapter(Instant.class));
    assertThat(TitanJson.moshi()).isSameAs(TitanJson.moshi());
  }
}
