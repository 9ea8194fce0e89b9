package dev.titanj.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.titanj.core.internal.TitanJsonException;
import dev.titanj.core.json.TitanJson;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.core.testsupport.AdapterParity;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.ImmutableCustomer;
import dev.titanj.crm.model.Location;
import dev.titanj.crm.model.UpdateContactRequest;
import dev.titanj.crm.model.UpdateCustomerRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CRM records are read and written by their generated adapters, as the reflective one did. */
class CrmJsonAdaptersTest {
  private static final Moshi MOSHI = TitanJson.moshi();

  @Test
  void customerAdapter_isTheGeneratedOne_forTheRecordAndItsImmutableClass() {
    JsonAdapter<Customer> adapter = MOSHI.adapter(Customer.class);

    assertThat(adapter.getClass().getName()).isEqualTo("dev.titanj.crm.internal.CustomerJsonAdapter");
    assertThat(MOSHI.adapter(ImmutableCustomer.class)).isSameAs(adapter);
    assertThat(MOSHI.adapter(Location.class).toString()).isEqualTo("GeneratedJsonAdapter(Location)");
    assertThat(MOSHI.adapter(UpdateCustomerRequest.class).getClass().getSimpleName())
        .isEqualTo("UpdateCustomerRequestJsonAdapter");
  }

  @Test
  void customer_decodesToTheSameValueAsTheReflectiveAdapter() throws Exception {
    String json = "{\"id\":42,\"name\":\"Acme\",\"type\":\"Commercial\",\"balance\":\"12.50\","
        + "\"tagTypeIds\":[1,null,2],\"modifiedOn\":\"2025-01-02T03:04:05.1234567Z\","
        + "\"address\":{\"street\":\"1 Main\",\"zip\":null},\"mysteryField\":{\"a\":[1]}}";

    Customer generated = MOSHI.adapter(Customer.class).fromJson(json);
    Customer reflective = AdapterParity.reflective().adapter(Customer.class).fromJson(json);

    assertThat(generated).isEqualTo(reflective);
    assertThat(generated.tagTypeIds()).containsExactly(1L, 2L);
    assertThat(MOSHI.adapter(Customer.class).toJson(generated))
        .isEqualTo(AdapterParity.reflective().adapter(Customer.class).toJson(generated));
  }

  @Test
  void wrongTypeInAPage_failsWithTheTypeAndPath_asBefore() {
    String page = "{\"data\":[{\"id\":1},{\"id\":2,\"balance\":true}]}";

    TitanJsonException generated = failure(MOSHI, page);
    TitanJsonException reflective = failure(AdapterParity.reflective(), page);

    assertThat(generated.type()).isEqualTo("Customer");
    assertThat(generated.field()).isEqualTo("$.data[1].balance");
    assertThat(generated).hasMessageStartingWith("cannot read balance as Optional<BigDecimal>: ")
        .hasMessage(reflective.getMessage());
    assertThat(generated.getCause()).isInstanceOf(reflective.getCause().getClass());
  }

  @Test
  void missingId_failsNamingTheField_asBefore() {
    String page = "{\"data\":[{\"id\":1},{\"name\":\"x\",\"zz\":1}]}";

    TitanJsonException generated = failure(MOSHI, page);
    TitanJsonException reflective = failure(AdapterParity.reflective(), page);

    assertThat(generated.field()).isEqualTo("$.data[1].id").isEqualTo(reflective.field());
    assertThat(generated).hasMessage("required field missing");
  }

  @Test
  void nestedRecordOfTheWrongShape_failsAtTheNestedType() {
    assertThatThrownBy(() -> MOSHI.adapter(Customer.class).fromJson("{\"id\":1,\"locations\":[7]}"))
        .isInstanceOfSatisfying(TitanJsonException.class, e -> {
          assertThat(e.type()).isEqualTo("Location");
          assertThat(e.field()).isEqualTo("$.locations[0]");
        });
  }

  @Test
  void update_sendsOnlyWhatWasSet_andExplicitNulls() throws Exception {
    assertThat(MOSHI.adapter(UpdateCustomerRequest.class)
        .toJson(UpdateCustomerRequest.builder().name("New").build())).isEqualTo("{\"name\":\"New\"}");
    UpdateContactRequest cleared =
        UpdateContactRequest.builder().isArchived(false).clearTitle().build();
    String json = MOSHI.adapter(UpdateContactRequest.class).toJson(cleared);
    assertThat(json).contains("\"title\":null", "\"isArchived\":false").doesNotContain("name")
        .isEqualTo(AdapterParity.reflective().adapter(UpdateContactRequest.class).toJson(cleared));
    assertThat(MOSHI.adapter(UpdateContactRequest.class).fromJson(json)).isEqualTo(cleared);
  }

  private static TitanJsonException failure(Moshi moshi, String page) {
    JsonAdapter<PagedResponse<Customer>> pages =
        moshi.adapter(Types.newParameterizedType(PagedResponse.class, Customer.class));
    try {
      pages.fromJson(page);
    } catch (TitanJsonException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a TitanJsonException", e);
    }
    throw new AssertionError("expected a TitanJsonException: " + List.of(page));
  }
}
