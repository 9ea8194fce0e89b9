package dev.titanj.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Types;
import dev.titanj.core.Page;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.core.internal.TitanJsonException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class ValueTypeAdapterTest {
  private final JsonAdapter<SampleCustomer> customers =
      TitanJson.moshi().adapter(SampleCustomer.class);
  private final JsonAdapter<SampleCreateRequest> requests =
      TitanJson.moshi().adapter(SampleCreateRequest.class);

  private static final String FULL_CUSTOMER = """
      {
        "id": 42,
        "name": "Acme Plumbing",
        "active": true,
        "balance": "123.40",
        "createdOn": "2025-01-02T03:04:05.1234567Z",
        "memberSince": "2019-06-01",
        "arrivalWindow": "02:00:00",
        "businessUnitId": 7,
        "type": "Phone",
        "address": {"street": "1 Main St", "city": "Springfield", "zip-code": "12345"},
        "locations": [{"city": "A"}, {"city": "B", "zip-code": "2"}],
        "tagTypeIds": [1, 2, 3],
        "customFields": {"color": ["red", "blue"], "none": []}
      }
      """;

  @Test
  void decode_readsEveryAttributeThroughTheBuilder() throws IOException {
    SampleCustomer c = customers.fromJson(FULL_CUSTOMER);

    assertThat(c).isInstanceOf(ImmutableSampleCustomer.class);
    assertThat(c.id()).isEqualTo(42L);
    assertThat(c.name()).contains("Acme Plumbing");
    assertThat(c.active()).contains(true);
    assertThat(c.balance()).contains(new BigDecimal("123.40"));
    assertThat(c.createdOn()).contains(Instant.parse("2025-01-02T03:04:05.1234567Z"));
    assertThat(c.memberSince()).contains(LocalDate.of(2019, 6, 1));
    assertThat(c.arrivalWindow()).contains(Duration.ofHours(2));
    assertThat(c.businessUnitId()).hasValue(7L);
    assertThat(c.typeAsString()).contains("Phone");
    assertThat(c.type()).contains(SampleContactType.PHONE);
    assertThat(c.address()).contains(ImmutableSampleAddress.builder()
        .street("1 Main St").city("Springfield").zip("12345").build());
    assertThat(c.locations()).extracting(a -> a.city().orElseThrow()).containsExactly("A", "B");
    assertThat(c.locations().get(1).zip()).contains("2");
    assertThat(c.tagTypeIds()).containsExactly(1L, 2L, 3L);
    assertThat(c.customFields()).containsExactly(
        Map.entry("color", List.of("red", "blue")), Map.entry("none", List.of()));
  }

  @Test
  void roundTrip_encodeThenDecode_givesAnEqualValue() throws IOException {
    SampleCustomer c = customers.fromJson(FULL_CUSTOMER);
    String json = customers.toJson(c);
    assertThat(customers.fromJson(json)).isEqualTo(c);
  }

  @Test
  void encode_writesAttributesInDeclarationOrder_withWireNames_andOmitsEmptyOptionals() {
    SampleCustomer c = ImmutableSampleCustomer.builder()
        .id(1)
        .name("N")
        .balance(new BigDecimal("1.50"))
        .typeAsString("Email")
        .address(ImmutableSampleAddress.builder().zip("9").build())
        .addTagTypeIds(5L)
        .build();
    assertThat(customers.toJson(c)).isEqualTo("{\"id\":1,\"name\":\"N\",\"balance\":1.50,"
        + "\"type\":\"Email\",\"address\":{\"zip-code\":\"9\"},\"locations\":[],"
        + "\"tagTypeIds\":[5],\"customFields\":{}}");
  }

  @Test
  void decode_ignoresUnknownFields_ofAnyShape() throws IOException {
    SampleCustomer c = customers.fromJson("""
        {"extra": {"deep": [1, {"x": null}]}, "id": 5, "somethingNew": "x", "more": [true]}
        """);
    assertThat(c).isEqualTo(ImmutableSampleCustomer.builder().id(5).build());
  }

  @Test
  void decode_whenOptionalAndCollectionFieldsAreNullOrMissing_readsThemAsEmpty()
      throws IOException {
    SampleCustomer c = customers.fromJson("""
        {"id": 5, "name": null, "balance": null, "businessUnitId": null, "address": null,
         "locations": null, "customFields": null, "type": null}
        """);
    assertThat(c.name()).isEmpty();
    assertThat(c.balance()).isEmpty();
    assertThat(c.businessUnitId()).isEmpty();
    assertThat(c.address()).isEmpty();
    assertThat(c.locations()).isEmpty();
    assertThat(c.tagTypeIds()).isEmpty();
    assertThat(c.customFields()).isEmpty();
    assertThat(c.type()).isEmpty();
  }

  @Test
  void decode_skipsNullElementsInListsAndNullValuesInMaps() throws IOException {
    SampleCustomer c = customers.fromJson("""
        {"id": 5, "tagTypeIds": [1, null, 2], "customFields": {"a": null, "b": ["x"]},
         "locations": [null, {"city": "C"}]}
        """);
    assertThat(c.tagTypeIds()).containsExactly(1L, 2L);
    assertThat(c.customFields()).containsOnlyKeys("b");
    assertThat(c.locations()).hasSize(1);
  }

  @Test
  void decode_unknownEnumWireValue_givesUnknown_notAnException() throws IOException {
    SampleCustomer c = customers.fromJson("{\"id\": 5, \"type\": \"CarrierPigeon\"}");
    assertThat(c.typeAsString()).contains("CarrierPigeon");
    assertThat(c.type()).contains(SampleContactType.UNKNOWN);
  }

  @Test
  void decode_whenIdMissing_failsNamingTypeAndField() {
    assertThatThrownBy(() -> customers.fromJson("{\"name\": \"no id\"}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.type()).isEqualTo("SampleCustomer");
          assertThat(e.field()).isEqualTo("$.id");
          assertThat(e.getMessage()).isEqualTo("required field missing");
        });
  }

  @Test
  void decode_whenIdIsNull_failsAsMissing() {
    assertThatThrownBy(() -> customers.fromJson("{\"id\": null}"))
        .isInstanceOfSatisfying(TitanJsonException.class,
            e -> assertThat(e.field()).isEqualTo("$.id"));
  }

  @Test
  void decode_whenIdMissingInsidePage_pathPointsAtTheElement() {
    JsonAdapter<PagedResponse<SampleCustomer>> pages = TitanJson.moshi().adapter(
        Types.newParameterizedType(PagedResponse.class, SampleCustomer.class));
    assertThatThrownBy(() -> pages.fromJson(
        "{\"page\": 1, \"data\": [{\"id\": 1}, {\"name\": \"x\", \"zzz\": 1}]}"))
        .isInstanceOfSatisfying(TitanJsonException.class,
            e -> assertThat(e.field()).isEqualTo("$.data[1].id"));
    assertThatThrownBy(() -> pages.fromJson("{\"data\": [{}]}"))
        .isInstanceOfSatisfying(TitanJsonException.class,
            e -> assertThat(e.field()).isEqualTo("$.data[0].id"));
  }

  @Test
  void decode_whenWrongJsonType_failsWithTypePathAndCause() {
    assertThatThrownBy(() -> customers.fromJson("{\"id\": 1, \"tagTypeIds\": [1, \"two\"]}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.type()).isEqualTo("SampleCustomer");
          assertThat(e.field()).isEqualTo("$.tagTypeIds[1]");
          assertThat(e.getMessage()).contains("tagTypeIds as List<Long>");
          assertThat(e.getCause()).isInstanceOf(JsonDataException.class);
        });
    assertThatThrownBy(() -> customers.fromJson("{\"id\": \"forty-two\"}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.field()).isEqualTo("$.id");
          assertThat(e.getMessage()).contains("id as long");
        });
    assertThatThrownBy(() -> customers.fromJson("{\"id\": 1, \"balance\": \"lots\"}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.field()).isEqualTo("$.balance");
          assertThat(e.getMessage()).contains("balance as Optional<BigDecimal>");
        });
    assertThatThrownBy(() -> customers.fromJson("{\"id\": 1, \"locations\": {\"city\": \"x\"}}"))
        .isInstanceOfSatisfying(TitanJsonException.class,
            e -> assertThat(e.field()).isEqualTo("$.locations"));
  }

  @Test
  void decode_whenScalarAdapterRejectsListElement_pathNamesThatElement() {
    assertThatThrownBy(() -> customers.fromJson(
        "{\"id\": 1, \"locations\": [{\"city\": \"x\"}], \"createdOn\": \"soon\"}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.field()).isEqualTo("$.createdOn");
          assertThat(e.getCause()).hasMessageContaining("ISO-8601");
        });
    JsonAdapter<SampleOuter.NestedLine> lines = TitanJson.moshi().adapter(SampleOuter.NestedLine.class);
    assertThatThrownBy(() -> lines.fromJson("{\"id\": 1, \"notesById\": {\"x\": \"y\"}}"))
        .isInstanceOfSatisfying(TitanJsonException.class,
            e -> assertThat(e.field()).startsWith("$.notesById"));
  }

  @Test
  void decode_whenNestedValueIsWrong_innermostTypeAndPathAreReported() {
    assertThatThrownBy(() -> customers.fromJson(
        "{\"id\": 1, \"locations\": [{}, {\"city\": [1]}]}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.type()).isEqualTo("SampleAddress");
          assertThat(e.field()).isEqualTo("$.locations[1].city");
        });
    assertThatThrownBy(() -> customers.fromJson("{\"id\": 1, \"address\": \"1 Main St\"}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.type()).isEqualTo("SampleAddress");
          assertThat(e.field()).isEqualTo("$.address");
        });
  }

  @Test
  void decode_jsonNullTopLevel_givesNull() throws IOException {
    assertThat(customers.fromJson("null")).isNull();
  }

  @Test
  void decode_numbersAsStrings_areAccepted() throws IOException {
    assertThat(customers.fromJson("{\"id\": \"42\"}").id()).isEqualTo(42L);
  }

  @Test
  void decode_honoursFailOnUnknown_whenACallerAsksForStrictness() {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8("{\"id\": 1, \"new\": 2}"));
    reader.setFailOnUnknown(true);
    assertThatThrownBy(() -> customers.fromJson(reader))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("new");
  }

  // Requests -------------------------------------------------------------------------------------

  private static ImmutableSampleCreateRequest.Builder request() {
    return ImmutableSampleCreateRequest.builder()
        .name("Acme")
        .type(SampleContactType.LANDLINE_PHONE)
        .password("hunter2")
        .priority(3)
        .doNotMail(true)
        .score(0.5);
  }

  @Test
  void encodeRequest_writesEnumsByWireValue_primitives_andRedactedFields() {
    SampleCreateRequest r = request()
        .externalId(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
        .addChannels(SampleContactType.EMAIL, SampleContactType.MOBILE_PHONE)
        .isDefault(false)
        .build();
    assertThat(r.toString()).doesNotContain("hunter2");
    assertThat(requests.toJson(r)).isEqualTo("{\"name\":\"Acme\",\"type\":\"Phone\","
        + "\"password\":\"hunter2\",\"priority\":3,\"doNotMail\":true,\"score\":0.5,"
        + "\"externalId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\","
        + "\"channels\":[\"Email\",\"MobilePhone\"],\"default\":false}");
  }

  @Test
  void encodeRequest_optionalListDistinguishesAbsentFromEmpty() {
    assertThat(requests.toJson(request().build())).doesNotContain("replaceTags");
    assertThat(requests.toJson(request().replaceTags(List.of()).build()))
        .contains("\"replaceTags\":[]");
  }

  @Test
  void decodeRequest_roundTrips_andRequiresEveryNonOptionalField() throws IOException {
    SampleCreateRequest r = request().type(SampleContactType.EMAIL).replaceTags(List.of("a"))
        .isDefault(true).build();
    assertThat(requests.fromJson(requests.toJson(r))).isEqualTo(r);
    // Two constants share the wire value "Phone": it reads back as the first one.
    assertThat(requests.fromJson(requests.toJson(request().build())).type())
        .isEqualTo(SampleContactType.PHONE);
    assertThatThrownBy(() -> requests.fromJson(
        "{\"name\": \"A\", \"type\": \"Email\", \"password\": \"p\", \"priority\": 1,"
            + " \"score\": 1}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.type()).isEqualTo("SampleCreateRequest");
          assertThat(e.field()).isEqualTo("$.doNotMail");
        });
  }

  // Other shapes ---------------------------------------------------------------------------------

  @Test
  void abstractClassValueType_withGuidId_andConcreteMethodIgnored() throws IOException {
    JsonAdapter<SampleAbstractClassValue> adapter =
        TitanJson.moshi().adapter(SampleAbstractClassValue.class);
    SampleAbstractClassValue v = adapter.fromJson(
        "{\"id\": \"3F2504E0-4F89-11D3-9A0C-0305E82C3301\", \"label\": \"x\", \"display\": \"?\"}");
    assertThat(v.id()).isEqualTo(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    assertThat(v.display()).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301 x");
    assertThat(adapter.toJson(v))
        .isEqualTo("{\"id\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"label\":\"x\"}");
  }

  @Test
  void nestedValueType_withoutEnclosing_usesTopLevelImmutableName_andLongKeyedMap()
      throws IOException {
    JsonAdapter<SampleOuter.NestedLine> adapter = TitanJson.moshi().adapter(SampleOuter.NestedLine.class);
    SampleOuter.NestedLine line = adapter.fromJson(
        "{\"id\": 3, \"notesById\": {\"10\": \"ten\", \"11\": null}}");
    assertThat(line).isInstanceOf(ImmutableNestedLine.class);
    assertThat(line.notesById()).containsExactly(Map.entry(10L, "ten"));
    assertThat(adapter.toJson(line)).isEqualTo("{\"id\":3,\"notesById\":{\"10\":\"ten\"}}");
  }

  @Test
  void nestedValueType_inValueEnclosing_usesEnclosedImmutableName() throws IOException {
    JsonAdapter<SampleEnclosing.Item> adapter = TitanJson.moshi().adapter(SampleEnclosing.Item.class);
    SampleEnclosing.Item item = adapter.fromJson("{\"id\": 8, \"code\": \"c\"}");
    assertThat(item).isInstanceOf(ImmutableSampleEnclosing.Item.class);
    assertThat(item.code()).contains("c");
  }

  @Test
  void adapterForGeneratedImplementation_usesTheSameWireForm() throws IOException {
    JsonAdapter<ImmutableSampleAddress> adapter =
        TitanJson.moshi().adapter(ImmutableSampleAddress.class);
    ImmutableSampleAddress a = adapter.fromJson("{\"zip-code\": \"1\"}");
    assertThat(a.zip()).contains("1");
    assertThat(adapter.toJson(a)).isEqualTo("{\"zip-code\":\"1\"}");
  }

  @Test
  void pagedResponseEnvelope_decodesThroughMoshisReflectiveAdapter() throws IOException {
    JsonAdapter<PagedResponse<SampleCustomer>> pages = TitanJson.moshi().adapter(
        Types.newParameterizedType(PagedResponse.class, SampleCustomer.class));
    PagedResponse<SampleCustomer> response = pages.fromJson("""
        {"page": 2, "pageSize": 2, "hasMore": true, "totalCount": 9, "unknown": 1,
         "data": [{"id": 1, "name": "a"}, {"id": 2}]}
        """);
    Page<SampleCustomer> page = response.toPage(2);
    assertThat(page.items()).extracting(SampleCustomer::id).containsExactly(1L, 2L);
    assertThat(page.items().get(0).name()).contains("a");
    assertThat(page.hasMore()).isTrue();
    assertThat(page.totalCount()).hasValue(9L);
  }

  @Test
  void largePage_ofFiveThousandCustomers_decodesCompletely() throws IOException {
    StringBuilder json = new StringBuilder("{\"page\":1,\"pageSize\":5000,\"hasMore\":false,\"data\":[");
    for (int i = 0; i < 5_000; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"id\":").append(1_000_000_000L + i)
          .append(",\"name\":\"Customer ").append(i).append('"')
          .append(",\"active\":").append(i % 2 == 0)
          .append(",\"balance\":\"").append(i).append(".25\"")
          .append(",\"createdOn\":\"2025-01-02T03:04:05.1234567Z\"")
          .append(",\"type\":\"Phone\"")
          .append(",\"address\":{\"street\":\"").append(i).append(" Main St\",\"zip-code\":\"12345\"}")
          .append(",\"tagTypeIds\":[1,2,3]")
          .append(",\"customFields\":{\"k\":[\"v\"]}")
          .append(",\"notModelled\":{\"a\":[1,2,3]}}");
    }
    json.append("]}");
    JsonAdapter<PagedResponse<SampleCustomer>> pages = TitanJson.moshi().adapter(
        Types.newParameterizedType(PagedResponse.class, SampleCustomer.class));

    List<SampleCustomer> data = pages.fromJson(json.toString()).data;

    assertThat(data).hasSize(5_000);
    assertThat(data.get(4_999).id()).isEqualTo(1_000_004_999L);
    assertThat(data.get(4_999).balance()).contains(new BigDecimal("4999.25"));
    assertThat(data.get(4_999).address().flatMap(SampleAddress::street)).contains("4999 Main St");
    assertThat(data).allSatisfy(c -> assertThat(c.type()).contains(SampleContactType.PHONE));
  }
}
