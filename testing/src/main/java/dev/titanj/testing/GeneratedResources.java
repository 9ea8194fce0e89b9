package dev.titanj.testing;

import dev.titanj.core.OperationDescriptor;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.testing.internal.FakeStore;
import dev.titanj.testing.internal.ResourceRegistry;
import dev.titanj.testing.internal.ResourceSpec;
import dev.titanj.testing.internal.Synthesizer;
import dev.titanj.testing.internal.Table;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers every GET operation of the installed modules that the curated data does not cover,
 * with a few records synthesized from the operation's record type, so that every list, get and
 * export endpoint of a module answers. Everything comes from the resource descriptors the
 * modules announce through {@code ServiceLoader} ({@link ResourceCatalog}): each
 * {@link OperationDescriptor} gives the path template, what the answer holds
 * ({@link OperationDescriptor#shape()}) and the record type to synthesize
 * ({@link OperationDescriptor#itemType()}). No class is looked up by name.
 */
final class GeneratedResources {
  private static final String TENANT = "/tenant/{tenant}/";

  private GeneratedResources() {}

  /** What was discovered for one collection path. */
  private static final class Found {
    final String module;
    final String path;
    boolean list;
    boolean get;
    boolean export;
    ResourceSpec.Shape shape = ResourceSpec.Shape.PAGED;
    Type type;

    Found(String module, String path) {
      this.module = module;
      this.path = path;
    }
  }

  /**
   * Registers the GET operations of every resource of {@code catalog}; returns the number of
   * collections added.
   */
  static int registerAll(ResourceRegistry registry, FakeStore store, long seed,
      ResourceCatalog catalog, int recordsPerResource) {
    Map<String, Found> found = new LinkedHashMap<>();
    for (ResourceDescriptor<?, ?> resource : catalog.resources()) {
      for (OperationDescriptor op : resource.operations()) {
        if (op.method().equals("GET")) {
          classify(registry, found, op);
        }
      }
    }
    Synthesizer synth = new Synthesizer(seed);
    int added = 0;
    long firstId = 90_000_001L;
    for (Found f : found.values()) {
      String key = f.module + "/" + f.path;
      Table existing = store.table(key);
      if (existing == null) {
        Table t = store.table(key, firstId);
        for (int i = 0; i < recordsPerResource; i++) {
          long id = firstId + i;
          Object rec = synth.record(f.type, key, i, id);
          Map<String, Object> json = toRecord(rec, id);
          t.put(id, json, store.nextSeq());
        }
        firstId += 1_000;
      }
      ResourceSpec.Builder b = ResourceSpec.builder(f.module, f.path).list(f.list).get(f.get)
          .export(f.export).shape(f.shape);
      if (Synthesizer.isValueType(f.type)) {
        b.sortBy("Name");
      }
      registry.register(b.build());
      added++;
    }
    return added;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toRecord(Object rec, long id) {
    if (rec instanceof Map) {
      Map<String, Object> m = (Map<String, Object>) rec;
      m.putIfAbsent("id", id);
      return m;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put(FakeStore.SCALAR, rec); // a bare number or string, served as such
    return m;
  }

  /** Files one GET operation under its collection, unless curated data already answers it. */
  private static void classify(ResourceRegistry registry, Map<String, Found> found,
      OperationDescriptor op) {
    // path: "<module>/<version>/tenant/{tenant}/<rest>"
    String path = op.path();
    int at = path.indexOf(TENANT);
    int slash = path.indexOf('/');
    if (at <= 0 || slash <= 0) {
      return;
    }
    String module = path.substring(0, slash);
    String rest = path.substring(at + TENANT.length());
    Type type = op.itemType();
    switch (op.shape()) {
      case EXPORT: {
        String collection = rest.startsWith("export/") ? rest.substring("export/".length()) : rest;
        if (registry.spec(module, collection) != null) {
          return; // curated resources keep their own behaviour
        }
        Found list = found.get(module + "/" + collection);
        if (list != null && list.type != null && !list.type.equals(type)) {
          // The feed's records are another type than the collection's: served at its own path.
          collection = rest;
        }
        found(found, module, collection, type).export = true;
        return;
      }
      case PAGE:
      case ARRAY_PAGE:
      case ARRAY: {
        if (registry.contains(module, rest)) {
          return;
        }
        Found f = found(found, module, rest, type);
        f.list = true;
        f.shape = op.shape() == OperationDescriptor.Shape.PAGE ? ResourceSpec.Shape.PAGED
            : op.shape() == OperationDescriptor.Shape.ARRAY_PAGE ? ResourceSpec.Shape.ARRAY_PAGED
            : ResourceSpec.Shape.ARRAY;
        return;
      }
      case OBJECT:
      case ID: {
        int last = rest.lastIndexOf('/');
        if (last > 0 && rest.substring(last + 1).startsWith("{")) {
          String collection = rest.substring(0, last);
          if (registry.spec(module, collection) != null) {
            return;
          }
          found(found, module, collection, type).get = true;
          return;
        }
        if (registry.contains(module, rest)) {
          return;
        }
        Found f = found(found, module, rest, type);
        f.list = true;
        f.shape = ResourceSpec.Shape.SINGLE;
        return;
      }
      default:
        // NONE: a GET without a body has nothing to serve
    }
  }

  private static Found found(Map<String, Found> found, String module, String collection,
      Type type) {
    Found f = found.computeIfAbsent(module + "/" + collection, k -> new Found(module, collection));
    if (f.type == null || !Synthesizer.isValueType(f.type)) {
      f.type = type;
    }
    return f;
  }
}
