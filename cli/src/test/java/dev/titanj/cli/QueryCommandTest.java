package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryCommandTest {

  @Test
  void query_tableFormat_printsAlignedHeaderAndOneRowPerRecord() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--limit", "3");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    List<String> lines = r.out.lines().collect(java.util.stream.Collectors.toList());
    assertThat(lines.get(0)).startsWith("id").contains("name", "active", "modifiedOn", "address");
    assertThat(lines.get(1)).matches("[- ]+");
    assertThat(lines).hasSize(5);
    assertThat(lines.get(2)).startsWith("1 ").contains("Customer 1", "{\"city\":\"Denver\"");
    assertThat(r.err).contains("SANDBOX").contains("(3 records; --limit reached)");
  }

  @Test
  void query_jsonFormat_printsAJsonArrayOfTheRecords() throws Exception {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--format", "json",
        "--filter", "ids=4,5,6");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    JsonAdapter<List<Map<String, Object>>> a = new Moshi.Builder().build()
        .adapter(Types.newParameterizedType(List.class, Map.class));
    List<Map<String, Object>> records = a.fromJson(r.out);
    assertThat(records).extracting(m -> m.get("id")).containsExactly(4.0, 5.0, 6.0);
    assertThat(records.get(0)).containsEntry("name", "Customer 4");
  }

  @Test
  void query_csvFormat_printsAHeaderAndQuotesCellsWithCommasAndQuotes() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--format", "csv",
        "--filter", "ids=6,7", "--columns", "id,name,address");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out).isEqualTo("id,name,address\r\n"
        + "6,Customer 6,\"{\"\"city\"\":\"\"Austin\"\",\"\"zip\"\":\"\"10006\"\"}\"\r\n"
        + "7,\"Acme, \"\"Heating\"\" Inc.\",\"{\"\"city\"\":\"\"Denver\"\",\"\"zip\"\":\"\"10007\"\"}\"\r\n");
  }

  @Test
  void query_jsonLinesFormat_printsOneCompactRecordPerLine() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--format", "jsonl", "--limit", "4");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out.lines()).hasSize(4).allMatch(l -> l.startsWith("{") && l.endsWith("}") && l.contains("\"id\":"));
  }

  @Test
  void query_convertsFilterValuesAndAppliesSortAndLimit() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--format", "jsonl",
        "--filter", "active=Any", "--filter", "modified-on-or-after=2025-04-01",
        "--filter", "type=commercial", "--sort", "-ModifiedOn", "--limit", "3", "--page-size", "2");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out.lines()).hasSize(3);
    assertThat(r.out.lines().map(l -> l.replaceAll(".*\"id\":(\\d+),.*", "$1")))
        .containsExactly("120", "117", "114");
  }

  @Test
  void query_enumFilter_acceptsConstantNameAndWireValueIgnoringCase() {
    Cli byName = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--format", "jsonl",
        "--filter", "type=COMMERCIAL", "--limit", "1");
    Cli byWire = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--format", "jsonl",
        "--filter", "Type=Commercial", "--limit", "1");

    assertThat(byName.out).isEqualTo(byWire.out).contains("\"id\":3,").hasLineCount(1);
  }

  @Test
  void query_unknownFilterNames_failWithExitCode2AndOneLineNamingThem() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--filter", "colour=red",
        "--filter", "name=x", "--filter", "bogus=1");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.out).isEmpty();
    String error = errorLine(r);
    assertThat(error).contains("unknown filters 'colour', 'bogus' for crm customers")
        .contains("known: active,");
  }

  @Test
  void query_unconvertibleValues_failWithExitCode2NamingFilterValueAndExpectedKind() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers",
        "--filter", "modifiedOnOrAfter=yesterday", "--filter", "active=maybe",
        "--filter", "hasBalance=perhaps", "--filter", "ids=1,x");

    assertThat(r.exitCode).isEqualTo(2);
    String error = errorLine(r);
    assertThat(error)
        .contains("filter 'modifiedOnOrAfter': 'yesterday' is not valid (expected a date-time")
        .contains("filter 'active': 'maybe' is not valid (expected one of True, Any, False)")
        .contains("filter 'hasBalance': 'perhaps'").contains("true or false")
        .contains("filter 'ids': '1,x'");
  }

  @Test
  void query_valueRejectedByTheQueryMethod_isAUsageErrorWithItsMessage() {
    String ids = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(","));
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--filter", "ids=" + ids);

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(errorLine(r)).contains("filter 'ids'").contains("at most 50 ids");
  }

  @Test
  void query_badSortField_failsWithExitCode2ListingTheFields() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--sort", "+Colour");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(errorLine(r)).contains("unknown sort field 'Colour'").contains("Id, Name, ModifiedOn");
  }

  @Test
  void query_unknownResourceOrArea_failsWithExitCode2ListingTheKnownOnes() {
    Cli resource = Cli.run(Cli.fixtures(), "query", "crm", "widgets");
    Cli area = Cli.run(Cli.fixtures(), "query", "payroll", "jobs");
    Cli missing = Cli.run(Cli.fixtures(), "query", "settings", "employees");

    assertThat(resource.exitCode).isEqualTo(2);
    assertThat(errorLine(resource)).contains("unknown resource 'widgets' in crm (known: customers)");
    assertThat(area.exitCode).isEqualTo(2);
    assertThat(errorLine(area)).contains("unknown area 'payroll' (known: accounting, crm)");
    assertThat(missing.exitCode).isEqualTo(2);
    assertThat(errorLine(missing)).contains("unknown area 'settings' (known: accounting, crm)");
  }

  @Test
  void query_unknownFormat_isAUsageError() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--format", "xml");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(errorLine(r)).contains("unknown format 'xml'");
  }

  @Test
  void query_authenticationFailure_isOneLineWithStatusTraceIdAndHint_exitCode3() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--filter", "name=unauthorized");

    assertThat(r.exitCode).isEqualTo(3);
    assertThat(r.out).isEmpty();
    assertThat(errorLine(r)).contains("query crm customers failed: HTTP 401 Unauthorized")
        .contains("trace id trace-401-abc").contains("check ST_CLIENT_ID");
  }

  /** The one line on stderr that is not the sandbox banner. */
  static String errorLine(Cli r) {
    List<String> lines = r.err.lines().filter(l -> !l.startsWith("***"))
        .collect(java.util.stream.Collectors.toList());
    assertThat(lines).as(r.toString()).hasSize(1);
    return lines.get(0);
  }

  @Test
  void query_columnsOfAPlainRecordClass_areCheckedAndNestedPathsRead() {
    Cli ok = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--format", "csv",
        "--filter", "ids=6", "--columns", "id,address.zip");
    Cli bad = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--columns", "id,tgas");

    assertThat(ok.out).as(ok.toString()).isEqualTo("id,address.zip\r\n6,10006\r\n");
    assertThat(bad.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err).contains("unknown column 'tgas' (did you mean tags?)");
  }
}
