package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.cli.fixture.Customer;
import dev.titanj.cli.fixture.CustomerType;
import dev.titanj.cli.fixture.FixtureModules;
import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.cli.internal.UsageException;
import dev.titanj.cli.internal.ValueConverter;
import dev.titanj.core.Active;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.spi.TitanModule;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegistryAndConverterTest {
  private final ResourceRegistry registry = ResourceRegistry.of(FixtureModules.catalog());

  @Test
  void of_listsEveryDescriptorWithWhatItsRepositoryImplements() {
    assertThat(registry.areas()).containsExactly("accounting", "crm");
    assertThat(registry.all().stream().map(CliResource::toString).collect(Collectors.toList()))
        .containsExactly("accounting invoices [query] [get] [export]", "accounting tags",
            "crm customers [query] [get] [export]");
    assertThat(registry.resolve("crm", "customers").recordType()).isEqualTo(Customer.class);
  }

  @Test
  void resolve_matchesNamesIgnoringCaseDashesAndUnderscores() {
    assertThat(registry.resolve("CRM", "Customers").qualifiedName()).isEqualTo("crm.customers");
    assertThat(registry.resolve("accounting", "in_voices").label()).isEqualTo("accounting invoices");
    assertThatThrownBy(() -> registry.resolve("crm", "nope")).isInstanceOf(UsageException.class);
  }

  @Test
  void of_aModuleWhoseRepositoryCannotBeBuilt_isListedWithoutOperations() {
    ResourceKey<Customer, Long> key = ResourceKey.of("broken.things", Customer.class, Long.class);
    TitanModule broken = new TitanModule() {
      @Override
      public String area() {
        return "broken";
      }

      @Override
      public List<ResourceDescriptor<?, ?>> resources() {
        return List.of(new ResourceDescriptor<>(key, List.of(), false, "r", "w", st -> {
          throw new IllegalStateException("no repository");
        }));
      }
    };

    ResourceRegistry r = ResourceRegistry.of(ResourceCatalog.of(List.of(broken)));

    assertThat(r.all()).singleElement().hasToString("broken things");
    assertThatThrownBy(() -> r.resolve("broken", "things").binder())
        .isInstanceOf(UsageException.class).hasMessage("broken things has no list operation");
  }

  @Test
  void query_withoutAnyInstalledModule_saysSo() {
    ResourceRegistry none = ResourceRegistry.of(ResourceCatalog.of(List.of()));

    assertThatThrownBy(() -> none.resolve("crm", "customers")).isInstanceOf(UsageException.class)
        .hasMessageContaining("no TitanJ module is on the class path");
  }

  @Test
  void convert_handlesTheParameterTypesOfGeneratedQueries() throws Exception {
    assertThat(ValueConverter.convert("42", long.class)).isEqualTo(42L);
    assertThat(ValueConverter.convert("hello world", String.class)).isEqualTo("hello world");
    assertThat(ValueConverter.convert("yes", boolean.class)).isEqualTo(true);
    assertThat(ValueConverter.convert("2025-01-31", Instant.class))
        .isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
    assertThat(ValueConverter.convert("2025-01-31T10:15:00", Instant.class))
        .isEqualTo(Instant.parse("2025-01-31T10:15:00Z"));
    assertThat(ValueConverter.convert("2025-01-31T10:15:00+02:00", Instant.class))
        .isEqualTo(Instant.parse("2025-01-31T08:15:00Z"));
    assertThat(ValueConverter.convert("2025-01-31", LocalDate.class)).isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(ValueConverter.convert("any", Active.class)).isEqualTo(Active.ANY);
    assertThat(ValueConverter.convert("commercial", CustomerType.class)).isEqualTo(CustomerType.COMMERCIAL);
    UUID u = UUID.randomUUID();
    assertThat(ValueConverter.convert(u.toString(), UUID.class)).isEqualTo(u);
    Type longs = RegistryAndConverterTest.class.getDeclaredMethod("longs", Collection.class)
        .getGenericParameterTypes()[0];
    assertThat(ValueConverter.convert("1, 2,3", longs)).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(ValueConverter.convert("4,5", long[].class)).isEqualTo(new long[] {4, 5});
  }

  @Test
  void convert_rejectsBadValuesSayingWhatWasExpected() {
    assertThatThrownBy(() -> ValueConverter.convert("UNKNOWN", Active.class))
        .hasMessage("one of True, Any, False");
    assertThatThrownBy(() -> ValueConverter.convert("12x", long.class)).hasMessage("a number (whole)");
    assertThatThrownBy(() -> ValueConverter.convert("31/01/2025", LocalDate.class))
        .hasMessageContaining("2025-01-31");
  }

  @SuppressWarnings("unused")
  private static void longs(Collection<Long> values) {}
}
