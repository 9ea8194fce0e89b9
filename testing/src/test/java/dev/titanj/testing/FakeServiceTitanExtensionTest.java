package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.support.RawCustomers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension starts servers in the right scope and injects them. */
class FakeServiceTitanExtensionTest {

  @Nested
  @ExtendWith(FakeServiceTitanExtension.class)
  class WithExtendWith {
    @Test
    void injectsServerAndClientPointedAtIt(FakeServiceTitan server, ServiceTitan st) {
      assertThat(st).isSameAs(server.client());
      assertThat(st.environment().apiBase()).isEqualTo(server.baseUrl());
      assertThat(new RawCustomers(st).query().first()).isPresent();
    }
  }

  @Nested
  class WithInstanceField {
    @RegisterExtension
    final FakeServiceTitanExtension fake = FakeServiceTitanExtension.withOptions(
        FakeServiceTitan.Options.defaults().customers(3).invoices(0).payments(0));

    @Test
    void givesEachTestAFreshServer_soWritesDoNotLeak(ServiceTitan st) {
      writeOnce(st);
    }

    @Test
    void givesEachTestAFreshServer_soWritesDoNotLeakEither(ServiceTitan st) {
      writeOnce(st);
    }

    private void writeOnce(ServiceTitan st) {
      RawCustomers customers = new RawCustomers(st);
      assertThat(customers.query().active(dev.titanj.core.Active.ANY).count()).isEqualTo(3);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", "Only Once");
      customers.create(body);
      assertThat(fake.server().records("crm/customers")).hasSize(4);
    }
  }
}
