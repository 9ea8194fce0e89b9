package dev.titanj.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.internal.Errors;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.core.internal.TitanJsonException;
import org.junit.jupiter.api.Test;

/** How JSON faults surface: TitanJsonException from the adapters, TitanDecodingException to users. */
class DecodingErrorsTest {
  private final JsonAdapter<PagedResponse<SampleCustomer>> pages = TitanJson.moshi().adapter(
      Types.newParameterizedType(PagedResponse.class, SampleCustomer.class));

  @Test
  void wrongTypeInPage_becomesDecodingExceptionNamingTypeFieldAndRequest() {
    TitanJsonException json = catchJson("{\"data\": [{\"id\": 1}, {\"id\": 2, \"balance\": true}]}");

    TitanDecodingException e = Errors.decoding(json, "GET /crm/v2/tenant/1/customers");

    assertThat(e.type()).isEqualTo("SampleCustomer");
    assertThat(e.field()).contains("$.data[1].balance");
    assertThat(e.requestPath()).contains("GET /crm/v2/tenant/1/customers");
    assertThat(e.getMessage()).contains("SampleCustomer", "$.data[1].balance", "BOOLEAN");
    assertThat(e.getCause()).isSameAs(json);
  }

  @Test
  void missingId_becomesDecodingExceptionNamingTheField() {
    TitanDecodingException e = Errors.decoding(catchJson("{\"data\": [{\"name\": \"x\"}]}"), "GET /x");
    assertThat(e.field()).contains("$.data[0].id");
    assertThat(e.getMessage()).contains("required field missing");
  }

  @Test
  void valueTypeWithoutImmutablesImplementation_failsWhenTheAdapterIsCreated() {
    assertThatThrownBy(() -> TitanJson.moshi().adapter(SampleNotImmutable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ImmutableSampleNotImmutable")
        .hasMessageContaining("@Value.Immutable");
  }

  @Test
  void failedValueCheck_isReportedAtTheObjectWithItsMessage() {
    JsonAdapter<java.util.List<SampleChecked>> ranges = TitanJson.moshi().adapter(
        Types.newParameterizedType(java.util.List.class, SampleChecked.class));
    assertThatThrownBy(() -> ranges.fromJson("[{\"from\": 1, \"to\": 2}, {\"from\": 5, \"to\": 3}]"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.type()).isEqualTo("SampleChecked");
          assertThat(e.field()).isEqualTo("$[1]");
          assertThat(e.getMessage()).isEqualTo("to must not be before from");
        });
  }

  private TitanJsonException catchJson(String json) {
    try {
      pages.fromJson(json);
    } catch (TitanJsonException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a TitanJsonException", e);
    }
    throw new AssertionError("expected a TitanJsonException");
  }
}
