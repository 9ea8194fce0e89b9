package dev.titanj.testing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes resource paths to {@link ResourceSpec}s, keyed by module and collection path
 * ({@code crm} + {@code customers}). A request path below {@code /{module}/v2/tenant/{t}/} is
 * resolved as a collection ({@code customers}), an item ({@code customers/42}) or an export feed
 * ({@code export/customers}); the longest registered collection path wins.
 */
public final class ResourceRegistry {
  /** What a path resolved to. */
  public static final class Route {
    public enum Kind { LIST, ITEM, EXPORT }

    public final ResourceSpec spec;
    public final Kind kind;
    public final String id;

    Route(ResourceSpec spec, Kind kind, String id) {
      this.spec = spec;
      this.kind = kind;
      this.id = id;
    }
  }

  private final Map<String, ResourceSpec> specs = new ConcurrentHashMap<>();

  /** Registers (or replaces) a resource. */
  public void register(ResourceSpec spec) {
    specs.put(spec.module + "/" + spec.path, spec);
  }

  /** Whether a resource is registered at {@code module/path}. */
  public boolean contains(String module, String path) {
    return specs.containsKey(module + "/" + path);
  }

  public ResourceSpec spec(String module, String path) {
    return specs.get(module + "/" + path);
  }

  public Collection<ResourceSpec> all() {
    return new ArrayList<>(specs.values());
  }

  /**
   * Resolves {@code rest} (the path after {@code /tenant/{t}/}) in {@code module}, or null.
   */
  public Route resolve(String module, String rest) {
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    ResourceSpec s = specs.get(module + "/" + rest);
    if (s != null && s.list) {
      return new Route(s, Route.Kind.LIST, null);
    }
    if (s != null && s.export) {
      // A feed registered at its own path: salestech's estimates/export, or an export whose
      // records differ from its collection's (telecom's export/calls).
      return new Route(s, Route.Kind.EXPORT, null);
    }
    if (rest.startsWith("export/")) {
      ResourceSpec e = specs.get(module + "/" + rest.substring("export/".length()));
      if (e != null && e.export) {
        return new Route(e, Route.Kind.EXPORT, null);
      }
    }
    int slash = rest.lastIndexOf('/');
    if (slash > 0) {
      String id = rest.substring(slash + 1);
      ResourceSpec item = specs.get(module + "/" + rest.substring(0, slash));
      if (item != null && (item.get || item.update)) {
        return new Route(item, Route.Kind.ITEM, id);
      }
    }
    if (s != null) {
      return new Route(s, Route.Kind.LIST, null);
    }
    return resolveTemplated(module, rest);
  }

  /** Matches paths with {@code {placeholder}} segments, e.g. {@code bank-deposits/{id}/transactions}. */
  private Route resolveTemplated(String module, String rest) {
    String[] parts = rest.split("/");
    for (ResourceSpec spec : specs.values()) {
      if (!spec.module.equals(module) || !spec.templated()) {
        continue;
      }
      String[] tpl = spec.path.split("/");
      if (tpl.length == parts.length && segmentsMatch(tpl, parts, parts.length) && spec.list) {
        return new Route(spec, Route.Kind.LIST, null);
      }
      if (tpl.length == parts.length - 1 && (spec.get || spec.update) && segmentsMatch(tpl, parts, tpl.length)) {
        return new Route(spec, Route.Kind.ITEM, parts[parts.length - 1]);
      }
    }
    return null;
  }

  private static boolean segmentsMatch(String[] tpl, String[] parts, int n) {
    for (int i = 0; i < n; i++) {
      if (!(tpl[i].startsWith("{") && tpl[i].endsWith("}")) && !tpl[i].equals(parts[i])) {
        return false;
      }
    }
    return true;
  }

  /** Every module with at least one registered resource: the modules the fake server answers. */
  public Set<String> modules() {
    Set<String> out = new java.util.TreeSet<>();
    specs.values().forEach(s -> out.add(s.module));
    return out;
  }

  /** The registered collection paths of a module, for diagnostics. */
  public List<String> paths(String module) {
    List<String> out = new ArrayList<>();
    specs.values().forEach(s -> {
      if (s.module.equals(module)) {
        out.add(s.path);
      }
    });
    out.sort(null);
    return out;
  }
}
