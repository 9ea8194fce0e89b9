package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.core.OperationDescriptor;
import dev.titanj.core.OperationDescriptor.Shape;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.spi.TitanModule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CLI's resources are exactly the installed modules' descriptors, and every list, get and
 * export of a resource's own records that a descriptor declares is reachable from the command
 * line. Checked against the descriptors' operations, independently of the registry.
 */
class ModuleCoverageTest {
  private final ResourceCatalog catalog = ResourceCatalog.installed();
  private final ResourceRegistry registry = ResourceRegistry.of(catalog);

  @Test
  void everyInstalledResource_isACliResourceUnderItsDescriptorName() {
    assertThat(catalog.modules()).extracting(TitanModule::area)
        .containsExactly("accounting", "crm", "dispatch", "equipmentsystems", "forms",
            "inventory", "jbce", "jpm", "marketing", "marketingads", "memberships", "payroll",
            "pricebook", "reporting", "salestech", "serviceagreements", "settings",
            "taskmanagement", "telecom", "timesheets");
    assertThat(registry.all()).extracting(CliResource::qualifiedName)
        .containsExactlyInAnyOrderElementsOf(catalog.resources().stream()
            .map(ResourceDescriptor::name).collect(Collectors.toList()));
    assertThat(registry.all()).hasSizeGreaterThan(30);
  }

  @Test
  void everyOwnListGetAndExportOperation_isAQueryGetOrExport() {
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (ResourceDescriptor<?, ?> d : catalog.resources()) {
      CliResource r = registry.resolve(d.key().area(), d.name().substring(d.key().area().length() + 1));
      for (OperationDescriptor op : d.operations()) {
        if (!op.method().equals("GET") || op.itemType() != d.key().recordType()) {
          continue;
        }
        int params = pathParameters(op);
        boolean list = op.isList() && params == 0;
        boolean get = op.shape() == Shape.OBJECT && params == 1 && op.path().endsWith("}");
        boolean export = op.shape() == Shape.EXPORT;
        if (!(list || get || export)) {
          continue;
        }
        operations++;
        if (list && !r.canList() || get && !r.canGet() || export && !r.canExport()) {
          missing.add(r.label() + " " + op.operationId());
        }
      }
    }
    assertThat(operations).isGreaterThan(40);
    assertThat(missing).isEmpty();
  }

  @Test
  void everyResourceWithAListOperation_hasDescribableFilters() {
    for (CliResource d : registry.all()) {
      if (d.canList()) {
        assertThat(d.binder().describeFilters()).as(d.label()).isNotNull();
      }
    }
    assertThat(registry.resolve("crm", "customers").binder().describeFilters())
        .containsKeys("active", "modifiedOnOrAfter", "name", "ids");
    assertThat(registry.resolve("crm", "customers").binder().sortFields()).contains("ModifiedOn");
  }

  /** Path parameters besides {@code {tenant}}. */
  private static int pathParameters(OperationDescriptor op) {
    return (int) op.path().chars().filter(c -> c == '{').count() - 1;
  }
}
