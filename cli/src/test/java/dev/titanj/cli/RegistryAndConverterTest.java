package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.cli.fixture.CustomerType;
import dev.titanj.cli.internal.ResourceDescriptor;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.cli.internal.UsageException;
import dev.titanj.cli.internal.ValueConverter;
import dev.titanj.core.Active;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegistryAndConverterTest {
  private final ResourceRegistry registry = ResourceRegistry.discover(Cli.FIXTURE_AREAS);

  @Test
  void discover_findsRepositoriesAndTheirOperationsThroughTheEntryPoints() {
    assertThat(registry.areas()).containsExactly("crm", "accounting");
    assertThat(registry.missingAreas()).containsExactly("settings");
    assertThat(registry.all().stream().map(ResourceDescriptor::toString).collect(Collectors.toList()))
        .contains("crm customers [query] [get] [export]", "crm customers.notes [query]",
            "crm customers.contacts [export]", "accounting invoices [query] [get] [export]");
  }

  @Test
  void resolve_matchesNamesIgnoringCaseDashesAndUnderscores() {
    assertThat(registry.resolve("crm", "customers.notes").queryArguments()).containsExactly(long.class);
    assertThat(registry.resolve("CRM", "Customers").qualifiedName()).isEqualTo("crm.customers");
    assertThatThrownBy(() -> registry.resolve("crm", "nope")).isInstanceOf(UsageException.class);
  }

  @Test
  void query_subResourceWithPathArgument_takesItFromArg() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers.notes", "--arg", "9", "--format", "jsonl");
    Cli missing = Cli.run(Cli.fixtures(), "query", "crm", "customers.notes");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out.lines()).singleElement().asString().contains("\"id\":9,");
    assertThat(missing.exitCode).isEqualTo(2);
    assertThat(QueryCommandTest.errorLine(missing)).contains("takes 1 --arg value(s) (number), got 0");
  }

  @Test
  void kebab_turnsAccessorNamesIntoCommandLineNames() {
    assertThat(ResourceRegistryAccess.kebab("glAccountTypes")).isEqualTo("gl-account-types");
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

  /** Reaches the package-private kebab helper. */
  static final class ResourceRegistryAccess {
    static String kebab(String s) {
      try {
        java.lang.reflect.Method m = ResourceRegistry.class.getDeclaredMethod("kebab", String.class);
        m.setAccessible(true);
        return (String) m.invoke(null, s);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }
}
