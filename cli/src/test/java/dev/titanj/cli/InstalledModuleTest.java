package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.cli.internal.FakeServerSandbox;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.testing.InstalledModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's resources and the fake server's routes come from the installed modules' resource
 * descriptors: a tiny hand-written module ({@code dev.titanj.shop}, one resource) put on the
 * class path through a class loader appears in {@code titanj resources} and is queried, read and
 * exported against the embedded fake server, with no other change anywhere.
 */
class InstalledModuleTest {
  @TempDir
  Path dir;

  /** As {@code titanj} runs on a machine without credentials: the catalog of the class path. */
  private static Cli run(String... args) {
    return Cli.run(new CliContext(Map.of(), null, ResourceCatalog.installed(),
        FakeServerSandbox.factory(), new StopSignal(), false, false), args);
  }

  @Test
  void aModuleOnTheClassPath_isListed_andServedByTheSandbox() throws Exception {
    Path out = dir.resolve("gadgets.jsonl");
    List<Cli> runs = InstalledModules.with("shop-module", () -> {
      Cli q = run("query", "shop", "gadgets", "--format", "jsonl", "--filter", "name=Name");
      String id = q.out.lines().findFirst().orElse("").replaceAll(".*?\"id\":(\\d+).*", "$1");
      return List.of(run("resources"), run("resources", "shop", "gadgets"), q,
          run("get", "shop", "gadgets", id),
          run("export", "shop", "gadgets", "--out", out.toString(), "--progress", "none"));
    });
    Cli resources = runs.get(0);
    Cli one = runs.get(1);
    Cli query = runs.get(2);
    Cli get = runs.get(3);
    Cli export = runs.get(4);
    String firstId = query.out.lines().findFirst().orElse("").replaceAll(".*?\"id\":(\\d+).*", "$1");

    assertThat(resources.out.lines()).as(resources.toString())
        .contains(String.format("%-11s %-40s %s", "shop", "gadgets", "query get export"))
        .anyMatch(l -> l.startsWith("crm         customers "));
    assertThat(one.out).as(one.toString()).contains("shop gadgets (shop.gadgets): query get export",
        "name=<string>", "modifiedOnOrAfter=<date-time>", "GET    shop/v2/tenant/{tenant}/gadgets/{id}");
    assertThat(query.exitCode).as(query.toString()).isZero();
    assertThat(query.out.lines()).hasSize(3).allMatch(l -> l.contains("\"name\":\"Name "));
    assertThat(get.exitCode).as(get.toString()).isZero();
    assertThat(get.out).contains("\"id\": " + firstId);
    assertThat(export.exitCode).as(export.toString()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(3);
  }

  @Test
  void withoutTheModule_itIsAnUnknownArea() {
    Cli resources = run("resources");
    Cli query = run("query", "shop", "gadgets");

    assertThat(resources.out).doesNotContain("gadgets");
    assertThat(query.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(query.err).contains("unknown area 'shop'");
  }
}
