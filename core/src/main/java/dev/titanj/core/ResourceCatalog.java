package dev.titanj.core;

import dev.titanj.core.spi.TitanModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The TitanJ modules on the class path and their resources, found through
 * {@link ServiceLoader} ({@link TitanModule}): what the CLI lists, the fake server serves and
 * cache settings check names against.
 */
public final class ResourceCatalog {
  private final List<TitanModule> modules;
  private final Map<String, ResourceDescriptor<?, ?>> byName;

  private ResourceCatalog(List<TitanModule> modules) {
    List<TitanModule> sorted = new ArrayList<>(modules);
    sorted.sort(Comparator.comparing(TitanModule::area));
    this.modules = Collections.unmodifiableList(sorted);
    Map<String, ResourceDescriptor<?, ?>> m = new LinkedHashMap<>();
    for (TitanModule module : sorted) {
      for (ResourceDescriptor<?, ?> d : module.resources()) {
        if (m.put(d.name(), d) != null) {
          throw new IllegalStateException("two modules declare resource " + d.name());
        }
      }
    }
    this.byName = Collections.unmodifiableMap(m);
  }

  /** The modules installed for this class's class loader (and the context class loader). */
  public static ResourceCatalog installed() {
    return load(Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : ResourceCatalog.class.getClassLoader());
  }

  /** The modules {@code loader} can see. */
  public static ResourceCatalog load(ClassLoader loader) {
    List<TitanModule> found = new ArrayList<>();
    Map<String, TitanModule> seen = new LinkedHashMap<>();
    for (TitanModule m : ServiceLoader.load(TitanModule.class, loader)) {
      if (seen.putIfAbsent(m.area(), m) == null) {
        found.add(m);
      }
    }
    return new ResourceCatalog(found);
  }

  /** A catalog of exactly these modules; for tests. */
  public static ResourceCatalog of(List<? extends TitanModule> modules) {
    return new ResourceCatalog(List.copyOf(modules));
  }

  /** The installed modules, by area name. */
  public List<TitanModule> modules() {
    return modules;
  }

  /** Every resource of every installed module, by module then document order. */
  public List<ResourceDescriptor<?, ?>> resources() {
    return List.copyOf(byName.values());
  }

  /** The resource named {@code name} ({@code crm.customers}), if its module is installed. */
  public Optional<ResourceDescriptor<?, ?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The descriptor of {@code key}, if its module is installed. */
  @SuppressWarnings("unchecked")
  public <T, K> Optional<ResourceDescriptor<T, K>> find(ResourceKey<T, K> key) {
    return Optional.ofNullable((ResourceDescriptor<T, K>) byName.get(key.name()));
  }

  /**
   * A hint for an unknown resource name: {@code "; did you mean crm.customers?"} when one
   * installed name is close, else the installed names (or that no module is installed).
   */
  public String suggest(String name) {
    if (byName.isEmpty()) {
      return "; no TitanJ module is on the class path";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : byName.keySet()) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (bestDistance <= 3) {
      return "; did you mean " + best + "?";
    }
    return "; installed: " + String.join(", ", byName.keySet());
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
