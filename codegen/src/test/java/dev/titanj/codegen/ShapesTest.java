package dev.titanj.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One Java type per record shape: identical shapes merge by themselves, the customization names
 * types and merges a resource's list, get, create and export records into one, and a merge that
 * would be wrong fails the generation. Runs on {@code shapes-v2.json}, a small spec of ours.
 */
class ShapesTest {
  private static final String MODEL = "dev/titanj/shop/model/";
  private static final String CUSTOM = String.join("\n",
      "# the customization of the shop test area",
      "merge.Thing = Shop.V2.ThingResponse, \\",
      "    Shop.V2.ExportThingsResponse",
      "merge.Tag = Shop.V2.Things.TagModel, Shop.V2.Exports.TagModel",
      "rename.Shop.V2.ThingPatchModel = UpdateThingRequest");
  private static String json;
  private static Generator generator;
  private static Map<String, String> files;

  @BeforeAll
  static void generate() throws IOException {
    try (InputStream in = ShapesTest.class.getResourceAsStream("/shapes-v2.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    generator = generator(CUSTOM);
    files = generator.generate();
  }

  private static Generator generator(String customization) throws IOException {
    return new Generator(Spec.parse("shapes-v2.json", json), "shop",
        Customization.parse("shop.properties", customization));
  }

  private static Map<String, String> generate(String customization) throws IOException {
    return generator(customization).generate();
  }

  private static String file(Map<String, String> files, String rel) {
    String f = files.getOrDefault("dev/titanj/shop/" + rel,
        files.get(Generator.TEST_PREFIX + "dev/titanj/shop/" + rel));
    assertThat(f).as(rel + " generated; have " + files.keySet()).isNotNull();
    return f;
  }

  private static String file(String rel) {
    return file(files, rel);
  }

  @Test
  void listGetCreateAndExport_returnOneRecordType() {
    assertThat(file("ThingRepository.java"))
        .contains("public ThingQuery query()")
        .contains("public Optional<Thing> findById(long id)")
        .contains("public Thing create(CreateThingRequest request)")
        .contains("public ExportFeed<Thing> export(ExportCursor cursor)")
        .doesNotContain("ExportThings").doesNotContain("CreatedThing");
    assertThat(files.keySet()).noneMatch(k -> k.contains("ExportThings") || k.contains("CreatedThing"));
  }

  @Test
  void unionRecord_hasTheExportsExtraField_optional_andSaysWhereItComesFrom() {
    String thing = file("model/Thing.java");
    assertThat(thing).contains("long id();").contains("Optional<String> name();")
        .contains("Optional<Tag> tag();")
        .contains("Optional<Boolean> active();")
        .contains("only in {@code Shop.V2.ExportThingsResponse}");
    // Javadoc is re-wrapped by the formatter: compare it with line breaks and stars removed.
    assertThat(thing.replaceAll("\\s*\\n\\s*\\*\\s*", " "))
        .contains("Record {@code Shop.V2.ThingResponse}, {@code Shop.V2.ExportThingsResponse} and"
            + " {@code Shop.V2.CreatedThingResponse}, read from responses");
    assertThat(thing.indexOf("name()")).isLessThan(thing.indexOf("active()"));
  }

  @Test
  void identicalShapes_mergeWithoutAnEntry_evenUnderOtherNames() {
    // Shop.V2.LabelResponse has Tag's shape and no entry; Shop.V2.CreatedThingResponse has
    // ThingResponse's.
    assertThat(file("LabelRepository.java")).contains("public Tag create(LabelRequest request)");
    assertThat(files.keySet()).noneMatch(k -> k.endsWith("model/Label.java")
        || k.endsWith("TagModel.java"));
    assertThat(generator.report())
        .contains("merge Tag (identical): Shop.V2.Things.TagModel + Shop.V2.Exports.TagModel"
            + " + Shop.V2.LabelResponse")
        .contains("merge Thing (union): Shop.V2.ThingResponse + Shop.V2.ExportThingsResponse"
            + " + Shop.V2.CreatedThingResponse");
  }

  @Test
  void requestBodies_mergeOnlyWithIdenticalRequests_neverWithAResponse() {
    // POST and PUT take the same fields, required alike: one type, named by the plainer schema
    // (the report says it has no name in the customization).
    assertThat(file("ThingRepository.java"))
        .contains("public Thing replace(long thingId, CreateThingRequest request)")
        .contains("public Thing update(long id, UpdateThingRequest request)");
    assertThat(generator.report()).contains("merge CreateThingRequest (identical):"
        + " Shop.V2.CreateThingRequest + Shop.V2.ReplaceThingRequest  [name not in the customization]");
    // {id, label} sent is not {id, label} read: the request stays exact.
    assertThat(file("model/LabelRequest.java")).contains("extends TitanRequest");
    assertThat(file("model/Tag.java")).doesNotContain("TitanRequest");
  }

  @Test
  void renames_nameTheType_andTheSchemaListNamesEveryRecord() {
    assertThat(file("model/UpdateThingRequest.java"))
        .contains("public interface UpdateThingRequest extends TitanRequest")
        .contains("Request body {@code Shop.V2.ThingPatchModel}");
    assertThat(file("internal/ShopSchemas.java"))
        .contains("Map.entry(Thing.class, List.of(\"id\", \"name\", \"kind\", \"tag\", \"active\"))")
        .contains("Map.entry(Tag.class, List.of(\"id\", \"label\"))")
        .doesNotContain("Map.entry(Tag.class, List.of(\"id\", \"label\")),\n    Map.entry(Tag.class");
  }

  @Test
  void withoutCustomization_identicalShapesStillMerge_andDifferentOnesStayApart() throws IOException {
    Map<String, String> plain = generate("");
    assertThat(file(plain, "ThingRepository.java"))
        .contains("public Optional<Thing> findById(long id)")
        .contains("public Thing create(CreateThingRequest request)")
        .contains("public ExportFeed<ExportThings> export(ExportCursor cursor)");
  }

  @Test
  void apart_keepsIdenticalShapesTwoTypes() throws IOException {
    Map<String, String> apart = generate("apart.tags = Shop.V2.Things.TagModel, Shop.V2.Exports.TagModel");
    assertThat(apart).containsKeys(MODEL + "ThingsTagModel.java", MODEL + "ExportsTagModel.java");
  }

  @Test
  void aRequestBodyWithAResponseRecord_isAWrongMerge() {
    assertThatThrownBy(() -> generate("merge.Label = Shop.V2.LabelRequest, Shop.V2.LabelResponse"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shop.properties: 1 wrong merge")
        .hasMessageContaining("Shop.V2.LabelRequest + Shop.V2.LabelResponse + Shop.V2.Exports.TagModel"
            + " + Shop.V2.Things.TagModel: a request body (sent exactly) cannot be merged with a"
            + " response record (read tolerantly)");
  }

  @Test
  void aUnionOfRequestBodies_isAWrongMerge() {
    assertThatThrownBy(() -> generate("merge.ThingRequest = Shop.V2.CreateThingRequest, Shop.V2.ThingPatchModel"))
        .hasMessageContaining("only records read from responses merge by the union of their fields");
  }

  @Test
  void aFieldOfTwoTypes_isAWrongMerge() {
    assertThatThrownBy(() -> generate("merge.Thing = Shop.V2.ThingResponse, Shop.V2.LegacyThingResponse"))
        .hasMessageContaining("field id is long in Shop.V2.ThingResponse but string in"
            + " Shop.V2.LegacyThingResponse");
  }

  @Test
  void anIdSomeMembersLack_isAWrongMerge() {
    assertThatThrownBy(() -> generate("merge.Thing = Shop.V2.ThingResponse, Shop.V2.ThingSummaryResponse"))
        .hasMessageContaining("some members have no id, and the merged record would require one");
  }

  @Test
  void entriesNamingSchemasTheModuleDoesNotGenerate_fail() {
    assertThatThrownBy(() -> generate("rename.Shop.V2.Nope = Nope\nrename.Shop.V2.Unused = Unused"))
        .hasMessageContaining("2 wrong merges")
        .hasMessageContaining("Shop.V2.Nope is not a schema of shapes-v2.json")
        .hasMessageContaining("Shop.V2.Unused is not generated (no operation uses it)");
  }

  @Test
  void twoNamesForOneType_andOneNameForTwoTypes_fail() {
    assertThatThrownBy(() -> generate("rename.Shop.V2.Things.TagModel = Tag\n"
        + "rename.Shop.V2.Exports.TagModel = Label"))
        .hasMessageContaining("one type, several names [Label, Tag]")
        .hasMessageContaining("list them under apart.");
    assertThatThrownBy(() -> generate("merge.Tag = Shop.V2.Things.TagModel, Shop.V2.Exports.TagModel\n"
        + "rename.Shop.V2.LabelRequest = Tag"))
        .hasMessageContaining("two types named Tag");
  }

  @Test
  void customizationSyntax_isChecked() {
    assertThatThrownBy(() -> Customization.parse("x", "rename.A = B\nrename.A = C"))
        .hasMessageContaining("x:2: key given twice: rename.A");
    assertThatThrownBy(() -> Customization.parse("x", "rename.A = lower"))
        .hasMessageContaining("not a Java type name");
    assertThatThrownBy(() -> Customization.parse("x", "merge.A = OnlyOne"))
        .hasMessageContaining("at least two schemas");
    assertThatThrownBy(() -> Customization.parse("x", "renam.A = B"))
        .hasMessageContaining("unknown entry");
    assertThat(Customization.parse("x", "merge.A = S1, \\\n  S2\n").merges)
        .containsEntry("A", java.util.List.of("S1", "S2"));
  }

  @Test
  void everyAreaCustomization_isReadable() {
    for (String area : new String[] {"accounting", "crm", "settings", "dispatch"}) {
      assertThat(Customization.forArea(area).source).isEqualTo("customization/" + area + ".properties");
    }
    assertThat(Customization.forArea("nosuch").merges).isEmpty();
  }
}
