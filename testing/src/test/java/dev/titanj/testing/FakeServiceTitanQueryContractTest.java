package dev.titanj.testing;

import static dev.titanj.testing.support.RawCustomers.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.BadRequestException;
import dev.titanj.core.ExportBatch;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.support.RawCustomers;
import dev.titanj.testing.support.RawCustomers.CustomerSort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fake server's paging, filters, sorting and export feed, driven through core's query
 * runtime ({@code ListQuery}, {@code ExportFeed}, {@code TitanContext}) as a generated
 * repository would drive them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeServiceTitanQueryContractTest {
  private FakeServiceTitan fake;
  private RawCustomers customers;
  private List<Map<String, Object>> seeded;

  @BeforeAll
  void start() {
    fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(237).exportBatchSize(40));
    customers = new RawCustomers(fake.client());
    seeded = fake.records("crm/customers");
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  private Set<Long> seededIds(Boolean active) {
    return seeded.stream()
        .filter(c -> active == null || c.get("active").equals(active))
        .map(c -> ((Number) c.get("id")).longValue())
        .collect(Collectors.toSet());
  }

  @Test
  void stream_returnsEveryActiveCustomerExactlyOnce_acrossPages() {
    List<Long> ids = customers.query().pageSize(7).stream().map(RawCustomers::id)
        .collect(Collectors.toList());

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(seededIds(true));
    assertThat(seededIds(false)).isNotEmpty(); // the default filter really excluded something
  }

  @Test
  void count_usesIncludeTotal_andMatchesTheFilter() {
    assertThat(customers.query().count()).isEqualTo(seededIds(true).size());
    assertThat(customers.query().active(Active.ANY).count()).isEqualTo(seeded.size());
    assertThat(customers.query().active(Active.FALSE).count()).isEqualTo(seededIds(false).size());
  }

  @Test
  void page_returnsExactlyOnePage_withHasMore() {
    var page = customers.query().active(Active.ANY).pageSize(100).page(3);

    assertThat(page.items()).hasSize(seeded.size() - 200);
    assertThat(page.hasMore()).isFalse();
    assertThat(customers.query().active(Active.ANY).pageSize(100).page(2).hasMore()).isTrue();
  }

  @Test
  void nameFilter_isCaseInsensitiveContains() {
    String name = (String) seeded.get(3).get("name");
    String fragment = name.substring(1, 4).toUpperCase();

    List<Map<String, Object>> found = customers.query().active(Active.ANY).name(fragment).toList();

    assertThat(found).isNotEmpty().allSatisfy(c ->
        assertThat(((String) c.get("name")).toUpperCase()).contains(fragment));
    assertThat(found).extracting(RawCustomers::id).contains(id(seeded.get(3)));
  }

  @Test
  void modifiedOnOrAfter_andCreatedBefore_filterByTimestamps() {
    Instant cut = Instant.parse("2024-01-01T00:00:00Z");
    Set<Long> expectedModified = seeded.stream()
        .filter(c -> !Instant.parse((String) c.get("modifiedOn")).isBefore(cut))
        .map(RawCustomers::id).collect(Collectors.toSet());
    Set<Long> expectedCreated = seeded.stream()
        .filter(c -> Instant.parse((String) c.get("createdOn")).isBefore(cut))
        .map(RawCustomers::id).collect(Collectors.toSet());

    assertThat(customers.query().active(Active.ANY).modifiedOnOrAfter(cut).stream()
        .map(RawCustomers::id).collect(Collectors.toSet())).isEqualTo(expectedModified);
    assertThat(customers.query().active(Active.ANY).createdBefore(cut).stream()
        .map(RawCustomers::id).collect(Collectors.toSet())).isEqualTo(expectedCreated);
    assertThat(expectedModified).isNotEmpty().hasSizeLessThan(seeded.size());
  }

  @Test
  void ids_returnsOnlyThoseIds_andMoreThan50IsRejectedByTheServer() {
    List<Long> wanted = List.of(id(seeded.get(0)), id(seeded.get(5)), id(seeded.get(9)));

    assertThat(customers.query().active(Active.ANY).ids(wanted).toList())
        .extracting(RawCustomers::id).containsExactlyInAnyOrderElementsOf(wanted);

    String tooMany = seeded.stream().limit(51).map(c -> String.valueOf(id(c)))
        .collect(Collectors.joining(","));
    // The typed ids(...) and withParameter both refuse 51 ids before sending; a raw request
    // shows that the fake server refuses them too.
    assertThatThrownBy(() -> fake.client().send(dev.titanj.core.RawRequest
        .get("crm/v2/tenant/{tenant}/customers").query("ids", tooMany), java.util.Map.class))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).fieldErrors()).containsKey("ids"));
  }

  @Test
  void sort_byNameDescending_ordersTheWholeStream() {
    List<String> names = customers.query().active(Active.ANY).pageSize(50)
        .sort(CustomerSort.NAME.descending()).stream()
        .map(c -> ((String) c.get("name")).toLowerCase()).collect(Collectors.toList());

    List<String> sorted = new ArrayList<>(names);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertThat(names).hasSize(seeded.size()).isEqualTo(sorted);
  }

  @Test
  void sort_onAFieldTheEndpointDoesNotHave_isA400() {
    assertThatThrownBy(() -> fake.client().send(dev.titanj.core.RawRequest
        .get("crm/v2/tenant/{tenant}/customers").query("sort", "+Balance"), java.util.Map.class))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void pageSizeAbove5000_isA400() {
    RawCustomers.Api api = dev.titanj.core.internal.TitanContext.of(fake.client())
        .api(RawCustomers.Api.class);
    var ctx = dev.titanj.core.internal.TitanContext.of(fake.client());

    assertThatThrownBy(() -> ctx.execute(api.list(fake.tenantId(), Map.of(), 1, 5001, null)))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).fieldErrors()).containsKey("pageSize"));
  }

  @Test
  void findById_returnsTheRecord_andEmptyWhenUnknown() {
    long known = id(seeded.get(7));

    assertThat(customers.findById(known)).get()
        .satisfies(c -> assertThat(c.get("name")).isEqualTo(seeded.get(7).get("name")));
    assertThat(customers.findById(999)).isEmpty();
  }

  @Test
  void export_fromTheBeginning_returnsEveryCustomerOnce_includingInactive_inBatches() {
    ExportFeed<Map<String, Object>> feed = customers.export(ExportCursor.beginning());

    List<Long> ids = feed.stream().map(RawCustomers::id).collect(Collectors.toList());

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(seededIds(null));
    assertThat(feed.batchCount()).isGreaterThanOrEqualTo((seeded.size() + 39) / 40);
  }

  @Test
  void export_fromADate_startsAtRecordsModifiedOnOrAfterIt() {
    LocalDate since = LocalDate.parse("2024-06-01");
    Instant cut = since.atStartOfDay(ZoneOffset.UTC).toInstant();
    Set<Long> expected = seeded.stream()
        .filter(c -> !Instant.parse((String) c.get("modifiedOn")).isBefore(cut))
        .map(RawCustomers::id).collect(Collectors.toSet());

    Set<Long> got = customers.export(ExportCursor.since(since)).stream()
        .map(RawCustomers::id).collect(Collectors.toSet());

    assertThat(got).isEqualTo(expected);
  }

  @Test
  void writes_showUpInReads_andResumingTheExportGivesOnlyNewerRecords() {
    ExportFeed<Map<String, Object>> feed = customers.export(ExportCursor.beginning());
    feed.stream().forEach(c -> { });
    String saved = feed.cursor().token();
    assertThat(saved).isNotBlank();

    // caught up: nothing new
    ExportBatch<Map<String, Object>> empty = customers.export(ExportCursor.from(saved)).nextBatch();
    assertThat(empty.items()).isEmpty();
    assertThat(empty.hasMore()).isFalse();

    long target = id(seeded.get(11));
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("name", "Renamed By Test");
    Map<String, Object> updated = customers.update(target, patch);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Created By Test");
    body.put("address", Map.of("street", "1 Test Way", "city", "Austin", "state", "TX",
        "zip", "78701", "country", "USA"));
    body.put("locations", List.of(Map.of("name", "Main site", "address", Map.of("street",
        "1 Test Way", "city", "Austin", "state", "TX", "zip", "78701", "country", "USA"))));
    Map<String, Object> created = customers.create(body);

    assertThat(updated.get("name")).isEqualTo("Renamed By Test");
    assertThat(Instant.parse((String) updated.get("modifiedOn")))
        .isAfter(Instant.parse((String) seeded.get(11).get("modifiedOn")));
    assertThat(customers.findById(target)).get()
        .satisfies(c -> assertThat(c.get("name")).isEqualTo("Renamed By Test"));
    assertThat(customers.query().name("Created By Test").toList()).extracting(RawCustomers::id)
        .containsExactly(id(created));
    assertThat(fake.records("crm/locations")).anySatisfy(l ->
        assertThat(((Number) l.get("customerId")).longValue()).isEqualTo(id(created)));

    List<Long> resumed = customers.export(ExportCursor.from(saved)).stream()
        .map(RawCustomers::id).collect(Collectors.toList());
    assertThat(resumed).containsExactly(target, id(created));
  }
}
