package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.testing.FakeServiceTitan;
import dev.titanj.testing.FakeServiceTitanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's test on JUnit 5.10: the extension, parameter injection and a query all work. */
class CustomerCountTest {
  @RegisterExtension
  final FakeServiceTitanExtension fake = FakeServiceTitanExtension.withOptions(
      FakeServiceTitan.Options.defaults().customers(120).seed(7));

  @Test
  void streamsEveryCustomerOfTheFake(ServiceTitan st, FakeServiceTitan server) {
    long count = Crm.of(st).customers().query().active(dev.titanj.core.Active.ANY).stream().count();

    assertEquals(120, count);
    assertEquals(1, server.tokenRequestCount());
  }

  @Test
  void runsOnTheJUnitVersionOfThisProject() {
    String version = org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion();
    assertTrue(version == null || version.startsWith("5.10."), "JUnit on the class path: " + version);
  }
}
