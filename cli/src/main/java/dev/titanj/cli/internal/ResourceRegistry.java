package dev.titanj.cli.internal;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.Repository;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every resource the CLI can query, get or export: the resource descriptors of the TitanJ
 * modules on the class path, as {@link ResourceCatalog} finds them through {@code ServiceLoader}.
 * A module plugs in by being on the class path; no CLI code names a module, a class or a method.
 * A resource named {@code crm.customers} is {@code crm customers} on the command line; what it
 * offers is what its repository implements of core's contracts.
 */
public final class ResourceRegistry {
  /** Where the offline probe client points: nothing is ever sent there. */
  private static final URI OFFLINE = URI.create("http://127.0.0.1:9");

  private final ResourceCatalog catalog;
  private final Map<String, Map<String, CliResource>> resources = new TreeMap<>();

  private ResourceRegistry(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  /** The resources of the modules installed for the context class loader. */
  public static ResourceRegistry installed() {
    return of(ResourceCatalog.installed());
  }

  /**
   * The resources of {@code catalog}. Each repository is created once on an offline client (no
   * credentials, no cache, nothing sent) to learn which contracts it implements.
   */
  public static ResourceRegistry of(ResourceCatalog catalog) {
    ResourceRegistry r = new ResourceRegistry(catalog);
    try (ServiceTitan offline = ServiceTitan.builder()
        .environment(Environment.custom(OFFLINE, OFFLINE))
        .clientCredentials("titanj-cli-offline", "offline")
        .appKey("offline")
        .tenant(1)
        .cache(CacheSettings.disabled())
        .retryPolicy(RetryPolicy.none())
        .build()) {
      for (ResourceDescriptor<?, ?> d : catalog.resources()) {
        Repository<?, ?> probe;
        try {
          probe = d.repositoryOf(offline);
        } catch (RuntimeException e) {
          probe = null; // a module that cannot build its repository offline: listed, no operations
        }
        CliResource resource = new CliResource(d, probe);
        r.resources.computeIfAbsent(resource.area(), a -> new TreeMap<>())
            .put(resource.name(), resource);
      }
    }
    return r;
  }

  /** The catalog the resources come from. */
  public ResourceCatalog catalog() {
    return catalog;
  }

  /** Area names of the installed modules, sorted. */
  public List<String> areas() {
    return List.copyOf(resources.keySet());
  }

  /** Every resource of every area, by area then name. */
  public List<CliResource> all() {
    List<CliResource> out = new ArrayList<>();
    resources.values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  /** Fails with a {@link UsageException} suggesting the closest names unless {@code area} is installed. */
  public void requireArea(String area) {
    if (!resources.containsKey(area.toLowerCase(Locale.ROOT))) {
      throw new UsageException(unknownArea(area));
    }
  }

  /**
   * Finds a resource by area and name; names match ignoring case, dashes and underscores.
   *
   * @throws UsageException naming the area or resource and suggesting the closest known ones
   */
  public CliResource resolve(String area, String resource) {
    Map<String, CliResource> inArea = resources.get(area.toLowerCase(Locale.ROOT));
    if (inArea == null) {
      throw new UsageException(unknownArea(area));
    }
    CliResource d = inArea.get(resource);
    if (d == null) {
      String wanted = QueryBinder.normalize(resource);
      for (CliResource candidate : inArea.values()) {
        if (QueryBinder.normalize(candidate.name()).equals(wanted)) {
          d = candidate;
          break;
        }
      }
    }
    if (d == null) {
      String hint = Text.didYouMean(resource, inArea.keySet(), area.toLowerCase(Locale.ROOT) + " ");
      throw new UsageException("unknown resource '" + resource + "' in " + area
          + (hint.isEmpty() ? " (known: " + String.join(", ", inArea.keySet()) + ")"
              : "; " + hint + " ('titanj resources " + area.toLowerCase(Locale.ROOT)
                  + "' lists them all)"));
    }
    return d;
  }

  private String unknownArea(String area) {
    if (resources.isEmpty()) {
      return "unknown area '" + area + "': no TitanJ module is on the class path";
    }
    String hint = Text.didYouMean(area, resources.keySet(), "");
    return "unknown area '" + area + "'" + (hint.isEmpty() ? "" : "; " + hint) + " (known: "
        + String.join(", ", resources.keySet()) + ")";
  }
}
