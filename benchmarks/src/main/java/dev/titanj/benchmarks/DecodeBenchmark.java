package dev.titanj.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.titanj.accounting.model.Invoice;
import dev.titanj.benchmarks.plain.PlainCustomer;
import dev.titanj.benchmarks.plain.PlainInvoice;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.core.json.TitanJson;
import dev.titanj.crm.model.Customer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one 5,000-record list page (the API's largest) into TitanJ's generated value types
 * through {@code TitanJson.moshi()}, against the same Moshi decoding the same bytes into plain
 * mutable classes with public fields and the same field set (Moshi's reflective class adapter,
 * same scalar adapters for Instant and BigDecimal). The bytes are the fake server's wire JSON
 * for its deterministic dataset.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecodeBenchmark {
  static final int PAGE = 5_000;

  byte[] customers;
  byte[] invoices;
  JsonAdapter<PagedResponse<Customer>> customerValues;
  JsonAdapter<PagedResponse<PlainCustomer>> customerPlain;
  JsonAdapter<PagedResponse<Invoice>> invoiceValues;
  JsonAdapter<PagedResponse<PlainInvoice>> invoicePlain;

  @Setup
  public void setUp() throws IOException {
    customers = Payloads.customersPage(PAGE);
    invoices = Payloads.invoicesPage(PAGE);
    customerValues = pageAdapter(Customer.class);
    customerPlain = pageAdapter(PlainCustomer.class);
    invoiceValues = pageAdapter(Invoice.class);
    invoicePlain = pageAdapter(PlainInvoice.class);
    check(customerValues.fromJson(new Buffer().write(customers)).data.size(), "customers");
    check(customerPlain.fromJson(new Buffer().write(customers)).data.size(), "customers");
    check(invoiceValues.fromJson(new Buffer().write(invoices)).data.size(), "invoices");
    check(invoicePlain.fromJson(new Buffer().write(invoices)).data.size(), "invoices");
  }

  static <T> JsonAdapter<PagedResponse<T>> pageAdapter(Class<T> item) {
    return TitanJson.moshi().adapter(Types.newParameterizedType(PagedResponse.class, item));
  }

  private static void check(int n, String what) {
    if (n != PAGE) {
      throw new IllegalStateException(what + " page holds " + n + " records, expected " + PAGE);
    }
  }

  @Benchmark
  public PagedResponse<Customer> customersValueTypes() throws IOException {
    return customerValues.fromJson(new Buffer().write(customers));
  }

  @Benchmark
  public PagedResponse<PlainCustomer> customersPlainMoshi() throws IOException {
    return customerPlain.fromJson(new Buffer().write(customers));
  }

  @Benchmark
  public PagedResponse<Invoice> invoicesValueTypes() throws IOException {
    return invoiceValues.fromJson(new Buffer().write(invoices));
  }

  @Benchmark
  public PagedResponse<PlainInvoice> invoicesPlainMoshi() throws IOException {
    return invoicePlain.fromJson(new Buffer().write(invoices));
  }
}
