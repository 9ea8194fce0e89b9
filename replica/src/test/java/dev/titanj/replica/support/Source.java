package dev.titanj.replica.support;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.core.json.TitanJson;
import dev.titanj.crm.model.Customer;
import dev.titanj.testing.FakeServiceTitan;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the fake server holds, in the replica's terms, for assertions. */
public final class Source {
  private static final JsonAdapter<Customer> CUSTOMER = TitanJson.moshi().adapter(Customer.class);

  private Source() {}

  /** Every customer of the fake as the JSON the replica stores for it, by id. */
  public static Map<Long, String> customers(FakeServiceTitan fake) {
    Map<Long, String> out = new TreeMap<>();
    for (Map<String, Object> row : fake.records("crm/customers")) {
      Customer c = CUSTOMER.fromJsonValue(row);
      out.put(c.id(), CUSTOMER.toJson(c));
    }
    return out;
  }

  /** The same, from records the replica returns. */
  public static Map<Long, String> json(List<Customer> customers) {
    Map<Long, String> out = new TreeMap<>();
    for (Customer c : customers) {
      if (out.put(c.id(), CUSTOMER.toJson(c)) != null) {
        throw new AssertionError("customer " + c.id() + " twice");
      }
    }
    return out;
  }

  /** Ids of the fake's inactive customers. */
  public static long inactiveCustomers(FakeServiceTitan fake) {
    return fake.records("crm/customers").stream()
        .filter(r -> Boolean.FALSE.equals(r.get("active"))).count();
  }
}
