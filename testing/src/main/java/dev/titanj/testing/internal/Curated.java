package dev.titanj.testing.internal;

import dev.titanj.testing.internal.ResourceSpec.ActiveMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The hand-modelled resources of the fake server and their deterministic seed data: customers,
 * locations, invoices, payments, payment types (accounting/crm), technicians, employees, business
 * units, tag types, user roles (settings), appointment assignments, technician shifts, zones and
 * teams (dispatch). Field names and shapes follow ServiceTitan's response schemas; accounting
 * money is sent as strings, CRM balances as numbers. The same seed and sizes give the same data.
 */
public final class Curated {
  /** Seeded timestamps fall in the two years after this instant. */
  public static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");

  /** How many records of each kind to seed. */
  public static final class Sizes {
    public long seed = 20_260_101L;
    public int customers = 100;
    public int invoices = 300;
    public int payments = 150;
    public int technicians = 20;
    public int employees = 15;
    public int businessUnits = 8;
    public int tagTypes = 12;
    public int userRoles = 6;
    public int appointmentAssignments = 200;
    public int technicianShifts = 100;
    public int zones = 6;
    public int teams = 4;
    public int paymentTypes = 5;
    public double inactiveShare = 0.1;
  }

  private static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer",
      "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph",
      "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Daniel", "Nancy", "Wei", "Lisa", "Ahmed",
      "Betty", "Mark", "Sandra", "Priya", "Ashley"};
  private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
      "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
      "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
      "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson"};
  private static final String[] COMPANY = {"Holdings", "Properties", "Dental", "Bakery", "Storage",
      "Apartments", "Logistics", "Clinic", "Market", "Realty"};
  private static final String[] STREET = {"Oak", "Maple", "Cedar", "Pine", "Elm", "Washington",
      "Lake", "Hill", "Sunset", "Park", "Main", "River"};
  private static final String[] SUFFIX = {"St", "Ave", "Blvd", "Rd", "Ln", "Dr", "Ct"};
  private static final String[][] CITY = {{"Glendale", "CA", "91203"}, {"Austin", "TX", "78701"},
      {"Phoenix", "AZ", "85004"}, {"Denver", "CO", "80202"}, {"Tampa", "FL", "33602"},
      {"Columbus", "OH", "43215"}, {"Boise", "ID", "83702"}, {"Raleigh", "NC", "27601"}};
  private static final String[] TRADES = {"HVAC", "Plumbing", "Electrical", "Roofing"};
  private static final String[] KINDS = {"Service", "Install", "Maintenance", "Sales"};

  private Curated() {}

  /** Registers the curated resources in {@code registry}. */
  public static void register(ResourceRegistry registry) {
    // CRM
    registry.register(ResourceSpec.builder("crm", "customers").get(true).export(true)
        .writable(true, true).sortBy("Name")
        .containsFilter("name", "name").equalsFilter("city", "address.city")
        .equalsFilter("state", "address.state").equalsFilter("zip", "address.zip")
        .equalsFilter("street", "address.street")
        .afterCreate(Curated::afterCustomerCreated).build());
    registry.register(ResourceSpec.builder("crm", "locations").get(true).export(true)
        .writable(true, true).sortBy("Name")
        .longFilter("customerId", "customerId").containsFilter("name", "name")
        .equalsFilter("city", "address.city").equalsFilter("zip", "address.zip").build());
    // Accounting
    registry.register(ResourceSpec.builder("accounting", "invoices").export(true)
        .activeMode(ActiveMode.ACTIVE_STATE)
        .longFilter("customerId", "customer.id").longFilter("jobId", "job.id")
        .longFilter("businessUnitId", "businessUnit.id").equalsFilter("number", "referenceNumber")
        .equalsFilter("jobNumber", "job.number").build());
    registry.register(ResourceSpec.builder("accounting", "payments").export(true)
        .activeMode(ActiveMode.ACTIVE_STATE)
        .longFilter("customerId", "customer.id")
        .csvFilter("appliedToInvoiceIds", "appliedTo.appliedTo").build());
    registry.register(ResourceSpec.builder("accounting", "payment-types").get(true)
        .activeMode(ActiveMode.NONE).build());
    // Settings
    registry.register(ResourceSpec.builder("settings", "technicians").get(true).export(true)
        .writable(true, true).sortBy("Name").containsFilter("name", "name")
        .csvFilter("userIds", "userId").build());
    registry.register(ResourceSpec.builder("settings", "employees").get(true).export(true)
        .writable(true, true).sortBy("Name").containsFilter("name", "name")
        .csvFilter("userIds", "userId").build());
    registry.register(ResourceSpec.builder("settings", "business-units").get(true).export(true)
        .sortBy("Name").containsFilter("name", "name").build());
    registry.register(ResourceSpec.builder("settings", "tag-types").export(true).sortBy("Name")
        .build());
    registry.register(ResourceSpec.builder("settings", "user-roles").sortBy("Name")
        .containsFilter("name", "name").build());
    // Dispatch
    registry.register(ResourceSpec.builder("dispatch", "appointment-assignments").export(true)
        .csvFilter("appointmentIds", "appointmentId").longFilter("jobId", "jobId")
        .longFilter("technicianId", "technicianId").build());
    registry.register(ResourceSpec.builder("dispatch", "technician-shifts").get(true)
        .writable(true, true)
        .longFilter("technicianId", "technicianId").equalsFilter("shiftType", "shiftType")
        .containsFilter("titleContains", "title").containsFilter("noteContains", "note").build());
    registry.register(ResourceSpec.builder("dispatch", "zones").get(true).sortBy("Name")
        .containsFilter("name", "name").build());
    registry.register(ResourceSpec.builder("dispatch", "teams").get(true).sortBy("Name")
        .containsFilter("name", "name").build());
  }

  /** A created customer's {@code locations} become location records of their own. */
  @SuppressWarnings("unchecked")
  private static void afterCustomerCreated(FakeStore store, Table.Row customer) {
    Object locs = customer.json.remove("locations");
    customer.json.remove("contacts");
    customer.json.putIfAbsent("balance", BigDecimal.ZERO.setScale(2));
    customer.json.putIfAbsent("type", "Residential");
    customer.json.putIfAbsent("customFields", List.of());
    customer.json.putIfAbsent("tagTypeIds", List.of());
    customer.json.putIfAbsent("externalData", List.of());
    Table locations = store.table("crm/locations");
    if (locations != null && locs instanceof List) {
      for (Object o : (List<Object>) locs) {
        if (!(o instanceof Map)) {
          continue;
        }
        Map<String, Object> body = (Map<String, Object>) o;
        long id = locations.nextId();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("customerId", customer.id);
        json.put("active", true);
        json.put("name", body.getOrDefault("name", customer.json.get("name")));
        json.put("address", Json.deepCopy(body.getOrDefault("address", customer.json.get("address"))));
        json.put("customFields", List.of());
        json.put("createdOn", customer.json.get("createdOn"));
        json.put("createdById", 1L);
        json.put("modifiedOn", customer.json.get("createdOn"));
        json.put("taxExempt", false);
        json.put("tagTypeIds", List.of());
        json.put("externalData", List.of());
        locations.put(id, json, store.nextSeq());
      }
    }
  }

  // ------------------------------------------------------------------ seeding

  /** Fills {@code store} deterministically. */
  public static void seed(FakeStore store, Sizes z) {
    SplittableRandom root = new SplittableRandom(z.seed);
    Seeder s = new Seeder(store, z, root);
    s.run();
  }

  private static final class Seeder {
    final FakeStore store;
    final Sizes z;
    final SplittableRandom r;
    final List<Map<String, Object>> customers = new ArrayList<>();
    final List<List<Map<String, Object>>> locationsByCustomer = new ArrayList<>();
    final List<Map<String, Object>> businessUnits = new ArrayList<>();
    final List<Map<String, Object>> technicians = new ArrayList<>();
    final List<Map<String, Object>> invoices = new ArrayList<>();
    final Map<String, Map<String, Object>> shared = new java.util.HashMap<>();

    Seeder(FakeStore store, Sizes z, SplittableRandom r) {
      this.store = store;
      this.z = z;
      this.r = r;
    }

    void run() {
      List<Map<String, Object>> userRoles = seedSimple("settings/user-roles", 300, z.userRoles, i -> {
        Map<String, Object> m = base(300 + i);
        m.put("name", new String[] {"Technician", "Dispatcher", "Accountant", "Manager", "CSR",
            "Admin"}[i % 6] + (i >= 6 ? " " + (i / 6 + 1) : ""));
        m.put("employeeType", i % 6 == 0 ? "Technician" : "Employee");
        m.remove("modifiedOn");
        return m;
      });
      List<Map<String, Object>> tagTypes = seedSimple("settings/tag-types", 200, z.tagTypes, i -> {
        Map<String, Object> m = base(200 + i);
        m.put("name", new String[] {"VIP", "Member", "Warranty", "Commercial", "Do Not Call",
            "New Build"}[i % 6] + (i >= 6 ? " " + (i / 6 + 1) : ""));
        m.put("color", String.format("#%06X", r.nextInt(0x1000000)));
        m.put("code", "T" + (200 + i));
        m.put("importance", i % 3 == 0 ? "High" : "Medium");
        m.put("isConversionOpportunity", i % 4 == 0);
        m.put("allowToUseOnTimesheetActivity", false);
        m.put("isVisibleOnDispatchBoard", i % 2 == 0);
        reorderTail(m);
        return m;
      });
      seedSimple("dispatch/zones", 400, z.zones, i -> {
        Map<String, Object> m = base(400 + i);
        String[] city = CITY[i % CITY.length];
        m.put("name", city[0] + " Zone");
        m.put("zips", List.of(city[2]));
        m.put("cities", List.of(city[0]));
        m.put("territoryNumbers", List.of());
        m.put("locnNumbers", List.of());
        m.put("createdBy", 1L);
        m.put("serviceDaysEnabled", false);
        m.put("serviceDays", List.of());
        m.put("businessUnits", List.of());
        m.put("technicians", List.of());
        reorderTail(m);
        return m;
      });
      seedSimple("dispatch/teams", 500, z.teams, i -> {
        Map<String, Object> m = base(500 + i);
        m.put("name", new String[] {"North", "South", "East", "West"}[i % 4] + " Team"
            + (i >= 4 ? " " + (i / 4 + 1) : ""));
        m.put("createdBy", 1L);
        reorderTail(m);
        return m;
      });
      seedSimple("accounting/payment-types", 600, z.paymentTypes, i -> {
        Map<String, Object> m = new LinkedHashMap<>();
        Instant c = randomInstant();
        m.put("id", 600L + i);
        m.put("name", new String[] {"Cash", "Check", "Credit Card", "ACH", "Financing"}[i % 5]
            + (i >= 5 ? " " + (i / 5 + 1) : ""));
        m.put("modifiedOn", plusRandom(c).toString());
        m.put("createdOn", c.toString());
        return m;
      });
      businessUnits.addAll(seedSimple("settings/business-units", 100, z.businessUnits, i -> {
        Map<String, Object> m = base(100 + i);
        String trade = TRADES[i % TRADES.length];
        String kind = KINDS[(i / TRADES.length) % KINDS.length];
        m.put("name", trade + " " + kind);
        m.put("officialName", "Fake Services LLC - " + trade + " " + kind);
        m.put("email", trade.toLowerCase() + "@example.com");
        m.put("currency", "USD");
        m.put("phoneNumber", phone());
        m.put("invoiceHeader", null);
        m.put("invoiceMessage", null);
        m.put("defaultTaxRate", new BigDecimal("0.0825"));
        m.put("address", address(false));
        m.put("materialSku", null);
        m.put("quickbooksClass", null);
        m.put("accountCode", "BU" + (100 + i));
        m.put("trade", Map.of("id", (long) (i % TRADES.length + 1), "name", trade));
        m.put("division", Map.of("id", 1L, "name", "Residential"));
        m.put("tagTypeIds", List.of());
        m.put("externalData", List.of());
        reorderTail(m);
        return m;
      }));
      technicians.addAll(seedSimple("settings/technicians", 5_000_001, z.technicians, i -> {
        Map<String, Object> m = base(5_000_001L + i);
        String name = person();
        m.put("userId", 5_100_001L + i);
        m.put("name", name);
        m.put("roleIds", userRoles.isEmpty() ? List.of() : List.of(userRoles.get(0).get("id")));
        m.put("businessUnitId", pick(businessUnits).map(b -> b.get("id")).orElse(null));
        m.put("mainZoneId", 400L);
        m.put("zoneIds", List.of(400L));
        m.put("email", email(name));
        m.put("phoneNumber", phone());
        m.put("loginName", name.toLowerCase().replace(' ', '.'));
        m.put("home", address(false));
        m.put("dailyGoal", new BigDecimal("1500.00"));
        m.put("isManagedTech", false);
        m.put("customFields", List.of());
        m.put("burdenRate", new BigDecimal("25.00"));
        m.put("team", z.teams > 0 ? "North Team" : null);
        m.put("accountLocked", false);
        reorderTail(m);
        return m;
      }));
      seedSimple("settings/employees", 8_000_001, z.employees, i -> {
        Map<String, Object> m = base(8_000_001L + i);
        String name = person();
        m.put("userId", 8_100_001L + i);
        m.put("name", name);
        m.put("role", new String[] {"Dispatch", "Accounting", "CSR", "GeneralOffice", "Admin"}[i % 5]);
        m.put("roleIds", List.of());
        m.put("businessUnitId", pick(businessUnits).map(b -> b.get("id")).orElse(null));
        m.put("email", email(name));
        m.put("phoneNumber", phone());
        m.put("loginName", name.toLowerCase().replace(' ', '.'));
        m.put("accountLocked", false);
        m.put("customFields", List.of());
        m.put("permissions", List.of());
        reorderTail(m);
        return m;
      });
      seedCustomersAndLocations(tagTypes);
      seedInvoices();
      seedPayments();
      seedAssignments();
      seedSimple("dispatch/technician-shifts", 9_000_001, technicians.isEmpty() ? 0 : z.technicianShifts, i -> {
        Map<String, Object> m = new LinkedHashMap<>();
        Instant created = randomInstant();
        Instant start = created.plus(Duration.ofDays(1 + r.nextInt(30))).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        m.put("id", 9_000_001L + i);
        m.put("shiftType", new String[] {"Normal", "OnCall", "TimeOff"}[r.nextInt(3)]);
        m.put("title", "Shift " + (i + 1));
        m.put("note", r.nextInt(3) == 0 ? "Covering for a colleague" : null);
        m.put("active", r.nextDouble() >= z.inactiveShare);
        m.put("technicianId", technicians.get(r.nextInt(technicians.size())).get("id"));
        m.put("start", start.toString());
        m.put("end", start.plus(Duration.ofHours(8)).toString());
        m.put("timesheetCodeId", null);
        m.put("createdOn", created.toString());
        m.put("modifiedOn", plusRandom(created).toString());
        return m;
      });
    }

    void seedCustomersAndLocations(List<Map<String, Object>> tagTypes) {
      List<Map<String, Object>> locations = new ArrayList<>();
      long nextLocation = 2_000_001L;
      for (int i = 0; i < z.customers; i++) {
        boolean commercial = r.nextInt(4) == 0;
        String name = commercial ? LAST[r.nextInt(LAST.length)] + " " + COMPANY[r.nextInt(COMPANY.length)]
            : person();
        Instant created = randomInstant();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", 1_000_001L + i);
        c.put("active", r.nextDouble() >= z.inactiveShare);
        c.put("name", name);
        c.put("type", commercial ? "Commercial" : "Residential");
        Map<String, Object> addr = address(true);
        c.put("address", addr);
        c.put("customFields", List.of());
        c.put("balance", BigDecimal.ZERO.setScale(2));
        c.put("taxExempt", false);
        c.put("tagTypeIds", !tagTypes.isEmpty() && r.nextInt(5) == 0
            ? List.of(tagTypes.get(r.nextInt(tagTypes.size())).get("id")) : List.of());
        c.put("doNotMail", r.nextInt(10) == 0);
        c.put("doNotService", false);
        c.put("nationalAccount", commercial && r.nextInt(5) == 0);
        c.put("createdOn", created.toString());
        c.put("createdById", 1L);
        c.put("modifiedOn", plusRandom(created).toString());
        c.put("mergedToId", null);
        c.put("paymentTermId", null);
        c.put("externalData", List.of());
        customers.add(c);
        List<Map<String, Object>> mine = new ArrayList<>();
        int n = 1 + (commercial ? r.nextInt(3) : (r.nextInt(6) == 0 ? 1 : 0));
        for (int k = 0; k < n; k++) {
          Map<String, Object> l = new LinkedHashMap<>();
          Instant lc = created.plus(Duration.ofMinutes(k));
          l.put("id", nextLocation++);
          l.put("customerId", c.get("id"));
          l.put("active", (Boolean) c.get("active") || r.nextInt(2) == 0);
          l.put("name", k == 0 ? name : name + " #" + (k + 1));
          l.put("address", k == 0 ? Json.deepCopy(addr) : address(true));
          l.put("customFields", List.of());
          l.put("createdOn", lc.toString());
          l.put("createdById", 1L);
          l.put("modifiedOn", plusRandom(lc).toString());
          l.put("mergedToId", null);
          l.put("zoneId", 400L + (z.zones > 0 ? r.nextInt(z.zones) : 0));
          l.put("taxExempt", false);
          l.put("tagTypeIds", List.of());
          l.put("externalData", List.of());
          l.put("taxZoneId", null);
          mine.add(l);
          locations.add(l);
        }
        locationsByCustomer.add(mine);
      }
      // customers are written after invoices adjust balances; locations now
      putAll("crm/locations", 2_000_001L, locations);
    }

    void seedInvoices() {
      if (customers.isEmpty()) {
        putAll("crm/customers", 1_000_001L, customers);
        store.table("accounting/invoices", 3_000_001L);
        return;
      }
      for (int i = 0; i < z.invoices; i++) {
        int ci = r.nextInt(customers.size());
        Map<String, Object> c = customers.get(ci);
        List<Map<String, Object>> locs = locationsByCustomer.get(ci);
        Map<String, Object> loc = locs.get(r.nextInt(locs.size()));
        Instant created = max(randomInstant(), Instant.parse((String) c.get("createdOn")));
        BigDecimal sub = BigDecimal.valueOf(5_000 + r.nextInt(495_000), 2);
        BigDecimal tax = sub.multiply(new BigDecimal("0.0825")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = sub.add(tax);
        long id = 3_000_001L + i;
        long jobId = 6_000_001L + i;
        Map<String, Object> bu = pick(businessUnits).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("syncStatus", new String[] {"Pending", "Posted", "Exported"}[r.nextInt(3)]);
        m.put("budgetCodeId", null);
        m.put("referenceNumber", Long.toString(jobId - 6_000_000L + 10_000L));
        m.put("invoiceDate", created.toString());
        m.put("dueDate", created.plus(Duration.ofDays(30)).toString());
        m.put("subTotal", sub.toPlainString());
        m.put("salesTax", tax.toPlainString());
        m.put("salesTaxCode", null);
        m.put("taxZoneId", null);
        m.put("total", total.toPlainString());
        m.put("balance", total.toPlainString());
        m.put("invoiceType", null);
        // nested references are shared between invoices of the same customer (never mutated)
        m.put("customer", shared.computeIfAbsent("c" + c.get("id"), k -> named(c)));
        m.put("customerAddress", shared.computeIfAbsent("ca" + c.get("id"), k -> accountingAddress(c)));
        m.put("location", shared.computeIfAbsent("l" + loc.get("id"), k -> named(loc)));
        m.put("locationAddress", shared.computeIfAbsent("la" + loc.get("id"), k -> accountingAddress(loc)));
        m.put("businessUnit", bu == null ? null : shared.computeIfAbsent("b" + bu.get("id"), k -> named(bu)));
        m.put("termName", "Due Upon Receipt");
        m.put("createdBy", "fake");
        m.put("batch", null);
        m.put("depositedOn", null);
        m.put("createdOn", created.toString());
        m.put("modifiedOn", plusRandom(created).toString());
        m.put("adjustmentToId", null);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", jobId);
        job.put("number", Long.toString(jobId - 6_000_000L + 10_000L));
        job.put("type", KINDS[r.nextInt(KINDS.length)]);
        m.put("job", job);
        m.put("projectId", null);
        m.put("royalty", null);
        m.put("employeeInfo", null);
        m.put("commissionEligibilityDate", null);
        m.put("sentStatus", new String[] {"NotSent", "Sent", "Opened"}[r.nextInt(3)]);
        m.put("reviewStatus", new String[] {"NeedsReview", "OnHold", "Reviewed"}[r.nextInt(3)]);
        m.put("assignedTo", null);
        m.put("summary", "Service call");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", 3_500_001L + i);
        item.put("description", "Diagnostic and repair");
        item.put("quantity", "1.00");
        item.put("cost", "0.00");
        item.put("totalCost", "0.00");
        item.put("price", sub.toPlainString());
        item.put("type", "Service");
        item.put("skuName", "SVC-REPAIR");
        item.put("skuId", 700L);
        item.put("total", sub.toPlainString());
        item.put("inventory", false);
        item.put("taxable", true);
        item.put("displayName", "Repair");
        item.put("createdOn", created.toString());
        item.put("modifiedOn", created.toString());
        item.put("order", 1);
        m.put("items", List.of(item));
        m.put("customFields", List.of());
        m.put("active", r.nextDouble() >= z.inactiveShare / 2);
        m.put("discountTotal", "0.00");
        m.put("importId", null);
        m.put("exportId", null);
        m.put("materialSkuId", null);
        m.put("membershipId", null);
        m.put("paidOn", null);
        invoices.add(m);
      }
    }

    void seedPayments() {
      List<Map<String, Object>> payments = new ArrayList<>();
      Map<Long, BigDecimal> customerBalance = new LinkedHashMap<>();
      int n = invoices.isEmpty() ? 0 : Math.min(z.payments, invoices.size());
      // pay a deterministic subset of invoices, each at most once
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < invoices.size(); i++) {
        order.add(i);
      }
      for (int i = order.size() - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        Integer t = order.get(i);
        order.set(i, order.get(j));
        order.set(j, t);
      }
      for (int i = 0; i < n; i++) {
        Map<String, Object> inv = invoices.get(order.get(i));
        BigDecimal total = new BigDecimal((String) inv.get("total"));
        boolean full = r.nextInt(4) != 0;
        BigDecimal amount = full ? total : total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        Instant created = plusRandom(Instant.parse((String) inv.get("createdOn")));
        Instant modified = plusRandom(created);
        long id = 4_000_001L + i;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("syncStatus", "Pending");
        m.put("referenceNumber", "P" + id);
        m.put("date", created.toString());
        m.put("type", "Credit Card");
        m.put("typeId", "602");
        m.put("total", amount.toPlainString());
        m.put("unappliedAmount", "0.00");
        m.put("memo", null);
        m.put("customer", inv.get("customer"));
        m.put("businessUnit", inv.get("businessUnit"));
        m.put("deposit", null);
        m.put("batch", null);
        m.put("createdBy", "fake");
        m.put("generalLedgerAccount", null);
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("appliedId", 4_500_001L + i);
        applied.put("appliedTo", inv.get("id"));
        applied.put("appliedAmount", amount.toPlainString());
        applied.put("appliedOn", created.toString());
        applied.put("appliedBy", "fake");
        applied.put("appliedToReferenceNumber", inv.get("referenceNumber"));
        m.put("appliedTo", List.of(applied));
        m.put("customFields", List.of());
        m.put("authCode", null);
        m.put("checkNumber", null);
        m.put("modifiedOn", modified.toString());
        m.put("createdOn", created.toString());
        m.put("active", true);
        payments.add(m);
        BigDecimal balance = total.subtract(amount);
        inv.put("balance", balance.toPlainString());
        if (balance.signum() == 0) {
          inv.put("paidOn", created.toString());
        }
        inv.put("modifiedOn", max(Instant.parse((String) inv.get("modifiedOn")), modified).toString());
      }
      for (Map<String, Object> inv : invoices) {
        if (Boolean.TRUE.equals(inv.get("active"))) {
          long cid = (Long) ((Map<?, ?>) inv.get("customer")).get("id");
          customerBalance.merge(cid, new BigDecimal((String) inv.get("balance")), BigDecimal::add);
        }
      }
      for (Map<String, Object> c : customers) {
        BigDecimal b = customerBalance.get((Long) c.get("id"));
        if (b != null) {
          c.put("balance", b);
        }
      }
      if (!customers.isEmpty()) {
        putAll("crm/customers", 1_000_001L, customers);
        putAll("accounting/invoices", 3_000_001L, invoices);
      }
      putAll("accounting/payments", 4_000_001L, payments);
    }

    void seedAssignments() {
      int n = technicians.isEmpty() || invoices.isEmpty() ? 0 : z.appointmentAssignments;
      seedSimple("dispatch/appointment-assignments", 7_500_001, n, i -> {
        Map<String, Object> inv = invoices.get(r.nextInt(invoices.size()));
        Map<String, Object> tech = technicians.get(r.nextInt(technicians.size()));
        Map<String, Object> job = cast(inv.get("job"));
        Instant created = Instant.parse((String) inv.get("createdOn")).minus(Duration.ofDays(1));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 7_500_001L + i);
        m.put("technicianId", tech.get("id"));
        m.put("technicianName", tech.get("name"));
        m.put("assignedById", 8_100_001L);
        m.put("assignedOn", created.toString());
        m.put("status", new String[] {"Scheduled", "Dispatched", "Working", "Done"}[r.nextInt(4)]);
        m.put("isPaused", false);
        m.put("jobId", job.get("id"));
        m.put("appointmentId", 7_000_001L + ((Long) job.get("id") - 6_000_001L));
        m.put("createdOn", created.toString());
        m.put("modifiedOn", plusRandom(created).toString());
        m.put("active", r.nextDouble() >= z.inactiveShare);
        return m;
      });
      store.table("dispatch/appointment-assignments", 7_500_001L);
    }

    // -------------------------------------------------------------- helpers

    interface Maker {
      Map<String, Object> make(int i);
    }

    List<Map<String, Object>> seedSimple(String table, long firstId, int count, Maker maker) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        rows.add(maker.make(i));
      }
      putAll(table, firstId, rows);
      return rows;
    }

    /** Writes rows in modification order, so the export log reads like real history. */
    void putAll(String tableName, long firstId, List<Map<String, Object>> rows) {
      Table t = store.table(tableName, firstId);
      List<Map<String, Object>> sorted = new ArrayList<>(rows);
      sorted.sort(Comparator.comparing((Map<String, Object> m) -> {
        Object v = m.get("modifiedOn") != null ? m.get("modifiedOn") : m.get("createdOn");
        return v == null ? "" : v.toString();
      }).thenComparing(m -> (Long) m.get("id")));
      for (Map<String, Object> m : sorted) {
        t.put((Long) m.get("id"), m, store.nextSeq());
      }
    }

    Map<String, Object> base(long id) {
      Map<String, Object> m = new LinkedHashMap<>();
      Instant c = randomInstant();
      m.put("id", id);
      m.put("active", r.nextDouble() >= z.inactiveShare);
      m.put("createdOn", c.toString());
      m.put("modifiedOn", plusRandom(c).toString());
      return m;
    }

    /** Moves createdOn/modifiedOn after the other fields, as the API orders them. */
    static void reorderTail(Map<String, Object> m) {
      for (String k : new String[] {"createdOn", "modifiedOn"}) {
        if (m.containsKey(k)) {
          Object v = m.remove(k);
          m.put(k, v);
        }
      }
    }

    Instant randomInstant() {
      return EPOCH.plusSeconds(r.nextLong(2L * 365 * 24 * 3600));
    }

    Instant plusRandom(Instant t) {
      return t.plusSeconds(r.nextLong(90L * 24 * 3600));
    }

    String person() {
      return FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
    }

    String phone() {
      return String.format("555%07d", r.nextInt(10_000_000));
    }

    static String email(String name) {
      return name.toLowerCase().replace(' ', '.') + "@example.com";
    }

    Map<String, Object> address(boolean withCoordinates) {
      String[] city = CITY[r.nextInt(CITY.length)];
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("street", (100 + r.nextInt(9900)) + " " + STREET[r.nextInt(STREET.length)] + " "
          + SUFFIX[r.nextInt(SUFFIX.length)]);
      a.put("unit", r.nextInt(5) == 0 ? "Unit " + (1 + r.nextInt(20)) : null);
      a.put("city", city[0]);
      a.put("state", city[1]);
      a.put("zip", city[2]);
      a.put("country", "USA");
      if (withCoordinates) {
        a.put("latitude", BigDecimal.valueOf(30_000_000 + r.nextInt(15_000_000), 6));
        a.put("longitude", BigDecimal.valueOf(-(80_000_000 + r.nextInt(40_000_000)), 6));
      }
      return a;
    }

    static Map<String, Object> accountingAddress(Map<String, Object> owner) {
      Map<String, Object> a = new LinkedHashMap<>(cast(owner.get("address")));
      a.remove("latitude");
      a.remove("longitude");
      return a;
    }

    static Map<String, Object> named(Map<String, Object> m) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", m.get("id"));
      n.put("name", m.get("name"));
      return n;
    }

    java.util.Optional<Map<String, Object>> pick(List<Map<String, Object>> list) {
      return list.isEmpty() ? java.util.Optional.empty()
          : java.util.Optional.of(list.get(r.nextInt(list.size())));
    }

    static Instant max(Instant a, Instant b) {
      return a.isAfter(b) ? a : b;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
      return (Map<String, Object>) o;
    }
  }
}
