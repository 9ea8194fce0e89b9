package dev.titanj.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.ResourceKey;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.ImmutableCustomer;
import dev.titanj.testing.FakeServiceTitan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's checks, the row codec, table names and the seen-id set. */
class ReplicaPartsTest {
  @TempDir
  Path dir;

  @Test
  void build_withoutADatabase_orWithTwo_orWithoutResources_failsNamingTheChoice() {
    try (FakeServiceTitan fake = FakeServiceTitan.start()) {
      assertThatThrownBy(() -> Replica.builder(fake.client()).resources(Crm.CUSTOMERS).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose exactly one database");
      assertThatThrownBy(() -> Replica.builder(fake.client()).directory(dir)
          .jdbcUrl("jdbc:h2:mem:x").resources(Crm.CUSTOMERS).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one");
      assertThatThrownBy(() -> Replica.builder(fake.client()).directory(dir).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resources must not be empty");
      assertThatThrownBy(() -> Replica.builder(fake.client()).jdbcUrl("postgres://x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:");
      assertThatThrownBy(() -> Replica.builder(null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Replica.builder(fake.client()).batchSize(0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
    }
  }

  @Test
  void build_withAResourceNoModuleDeclares_failsWithASuggestion() {
    ResourceKey<Customer, Long> typo = ResourceKey.of("crm.custmers", Customer.class, Long.class);
    try (FakeServiceTitan fake = FakeServiceTitan.start()) {
      assertThatThrownBy(() -> Replica.builder(fake.client()).directory(dir).resources(typo).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("crm.custmers is not an installed resource")
          .hasMessageContaining("crm.customers");
    }
  }

  @Test
  void closedReplica_refusesReads() {
    try (FakeServiceTitan fake = FakeServiceTitan.start()) {
      Replica replica = Replica.builder(fake.client()).directory(dir).resources(Crm.CUSTOMERS).build();
      replica.close();
      replica.close(); // idempotent
      assertThatThrownBy(() -> replica.count(Crm.CUSTOMERS)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(replica::sync).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void codec_readsIdModifiedOnAndActiveFromTheRecordsJson_andTellsChangesApart() {
    RecordCodec<Customer, Long> codec = new RecordCodec<>(Crm.CUSTOMERS);
    Customer c = ImmutableCustomer.builder().id(42).name("Acme").active(false)
        .modifiedOn(Instant.parse("2025-03-04T05:06:07.123Z")).build();

    RecordCodec.Row row = codec.encode(c);

    assertThat(row.id()).isEqualTo(42L);
    assertThat(row.active()).isFalse();
    assertThat(row.modifiedOn()).isEqualTo(Instant.parse("2025-03-04T05:06:07.123Z"));
    assertThat(codec.decode(row.json())).isEqualTo(c);
    assertThat(codec.encode(ImmutableCustomer.copyOf(c)).hash()).isEqualTo(row.hash());
    assertThat(codec.encode(ImmutableCustomer.copyOf(c).withName("Acme 2")).hash())
        .isNotEqualTo(row.hash());
    // No active field: active.
    assertThat(codec.encode(ImmutableCustomer.builder().id(1).build()).active()).isTrue();
    // The hash is the first 8 bytes of SHA-256 of the JSON text, as stored by earlier versions.
    assertThat(row.hash()).isEqualTo(RecordCodec.digest(row.json()));
    // Non-ASCII text survives the UTF-8 round trip.
    Customer accents = ImmutableCustomer.builder().id(7).name("Café Zoë — 東京").build();
    assertThat(codec.decode(codec.encode(accents).json())).isEqualTo(accents);
    assertThat(codec.encode(accents).hash()).isEqualTo(RecordCodec.digest(codec.encode(accents).json()));
  }

  @Test
  void tableNames_areLowerCaseSqlNames_andLongOnesStayUnder63BytesAndDistinct() {
    assertThat(Schema.tableName("crm.customers")).isEqualTo("titanj_crm_customers");
    assertThat(Schema.tableName("settings.user-roles")).isEqualTo("titanj_settings_user_roles");
    String a = Schema.tableName("accounting.journal-entries.details.items.with-a-very-long-name-a");
    String b = Schema.tableName("accounting.journal-entries.details.items.with-a-very-long-name-b");
    assertThat(a).hasSizeLessThanOrEqualTo(48).isNotEqualTo(b).matches("[a-z0-9_]+");
  }

  @Test
  void idSet_holdsLongIdsUnboxed_inAnyOrder_andTextIds() {
    IdSet longs = new IdSet(true);
    for (long i = 5000; i > 0; i -= 2) {
      longs.add(i);
    }
    assertThat(longs.contains(4000L)).isTrue();
    assertThat(longs.contains(3999L)).isFalse();
    IdSet texts = new IdSet(false);
    texts.add("a-b");
    assertThat(texts.contains("a-b")).isTrue();
    assertThat(texts.contains("b")).isFalse();
  }

  @Test
  void newIds_saysAbsentOnlyForIdsAboveTheStartMaximumNeverWritten_andNeverForTextIds() {
    NewIds fresh = NewIds.above(1_000);
    assertThat(fresh.certainlyAbsent(1_000L)).isFalse(); // may be stored: look it up
    assertThat(fresh.certainlyAbsent(5L)).isFalse();
    assertThat(fresh.certainlyAbsent(1_001L)).isTrue();
    fresh.written(1_001L);
    assertThat(fresh.certainlyAbsent(1_001L)).isFalse();
    assertThat(fresh.certainlyAbsent("1002")).isFalse();
    assertThat(NewIds.NONE.certainlyAbsent(2_000L)).isFalse();
    assertThat(NewIds.above(Long.MIN_VALUE).certainlyAbsent(Long.MIN_VALUE + 1)).isTrue();
  }

  @Test
  void newIds_afterAMillionWrittenIds_neverForgetsOne_andLooksUpFewOthers() {
    NewIds fresh = NewIds.above(0);
    java.util.Random random = new java.util.Random(42);
    long[] written = new long[1_000_000];
    for (int i = 0; i < written.length; i++) {
      written[i] = 1 + (random.nextLong() >>> 1);
      fresh.written(written[i]);
    }
    for (long id : written) {
      if (fresh.certainlyAbsent(id)) {
        throw new AssertionError("forgot " + id);
      }
    }
    int maybe = 0;
    for (int i = 0; i < 100_000; i++) {
      if (!fresh.certainlyAbsent(1 + (random.nextLong() >>> 1))) {
        maybe++;
      }
    }
    assertThat(maybe).as("false positives of 100,000").isLessThan(1_000);
  }

  @Test
  void syncReport_sumsItsResources_andShowsThemInToString() {
    SyncReport r = new SyncReport(7, java.util.OptionalLong.of(3), Instant.EPOCH,
        java.time.Duration.ofMillis(5), List.of(
            new ResourceSyncReport("crm.customers", SyncMode.EXPORT, 1, 2, 3, 4, 1, true,
                java.time.Duration.ZERO),
            new ResourceSyncReport("lab.gadgets", SyncMode.FULL_SCAN, 10, 0, 0, 0, 1, false,
                java.time.Duration.ZERO)));
    assertThat(r.inserted()).isEqualTo(11);
    assertThat(r.changed()).isEqualTo(16);
    assertThat(r.caughtUp()).isFalse();
    assertThat(r.resource("crm.customers").orElseThrow().received()).isEqualTo(10);
    assertThat(r.toString()).contains("crm.customers: +1 ~2 -3 =4").contains("run=3");
  }
}
