package dev.titanj.cli.internal;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ListQuery;
import dev.titanj.core.ServiceTitan;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every resource the CLI can query, get or export, discovered by reflection over the module
 * entry points ({@code Crm.of(st)}, {@code Accounting.of(st)}...). A module plugs in by being on
 * the class path: no CLI code names its repositories. A repository is any object reached through
 * public no-argument methods of the entry point that has {@code query()}, {@code findById(id)} or
 * {@code export(ExportCursor)}; its name is the accessor's name in kebab case
 * ({@code glAccounts()} -> {@code gl-accounts}).
 */
public final class ResourceRegistry {
  private static final int MAX_DEPTH = 3;

  /** One module: its area name on the command line and its entry point class. */
  public static final class Area {
    final String name;
    final String entryClass;

    public Area(String name, String entryClass) {
      this.name = name;
      this.entryClass = entryClass;
    }

    public String name() {
      return name;
    }
  }

  /** The four API modules of TitanJ. */
  public static final List<Area> MODULES = List.of(
      new Area("crm", "dev.titanj.crm.Crm"),
      new Area("accounting", "dev.titanj.accounting.Accounting"),
      new Area("settings", "dev.titanj.settings.Settings"),
      new Area("dispatch", "dev.titanj.dispatch.Dispatch"));

  private final Map<String, Method> entryPoints = new LinkedHashMap<>();
  private final Map<String, Map<String, ResourceDescriptor>> resources = new LinkedHashMap<>();
  private final List<String> missing = new ArrayList<>();

  private ResourceRegistry() {}

  /** The registry of the four API modules that are on the class path. */
  public static ResourceRegistry modules() {
    return discover(MODULES);
  }

  /** The registry of the given areas; areas whose entry class is absent are listed by {@link #missingAreas()}. */
  public static ResourceRegistry discover(List<Area> areas) {
    ResourceRegistry r = new ResourceRegistry();
    for (Area a : areas) {
      Class<?> entry;
      try {
        entry = Class.forName(a.entryClass, true, ResourceRegistry.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        r.missing.add(a.name);
        continue;
      }
      Method of;
      try {
        of = entry.getMethod("of", ServiceTitan.class);
      } catch (NoSuchMethodException e) {
        r.missing.add(a.name);
        continue;
      }
      if (!Modifier.isStatic(of.getModifiers())) {
        r.missing.add(a.name);
        continue;
      }
      r.entryPoints.put(a.name, of);
      Map<String, ResourceDescriptor> found = new TreeMap<>();
      r.scan(a.name, of.getReturnType(), new ArrayList<>(), "", found, 0);
      r.resources.put(a.name, found);
    }
    return r;
  }

  private void scan(String area, Class<?> type, List<Method> path, String prefix,
      Map<String, ResourceDescriptor> out, int depth) {
    if (depth >= MAX_DEPTH) {
      return;
    }
    Method[] methods = type.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method m : methods) {
      if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0
          || m.getDeclaringClass() == Object.class || m.isBridge() || m.isSynthetic()) {
        continue;
      }
      Class<?> rt = m.getReturnType();
      if (rt.isPrimitive() || rt.isArray() || rt.getName().startsWith("java.")
          || rt.getName().startsWith("dev.titanj.core.") || !rt.getName().startsWith("dev.titanj.")
          || ListQuery.class.isAssignableFrom(rt) || rt == type) {
        continue;
      }
      List<Method> p = new ArrayList<>(path);
      p.add(m);
      String name = prefix + kebab(m.getName());
      addRepository(area, name, rt, p, out);
      scan(area, rt, p, name + ".", out, depth + 1);
    }
  }

  private void addRepository(String area, String name, Class<?> repo, List<Method> path,
      Map<String, ResourceDescriptor> out) {
    // name -> {query, findById, export}; extra list and export methods become sub-resources
    // ("customers.contacts" from contacts(long) and exportContacts(ExportCursor)).
    Map<String, Method[]> ops = new TreeMap<>();
    Method[] methods = repo.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName)
        .thenComparingInt(Method::getParameterCount));
    for (Method m : methods) {
      if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.isSynthetic()) {
        continue;
      }
      if (ListQuery.class.isAssignableFrom(m.getReturnType())) {
        boolean convertible = Arrays.stream(m.getGenericParameterTypes()).allMatch(ValueConverter::supports);
        if (!convertible) {
          continue;
        }
        String key = m.getName().equals("query") ? name : name + "." + kebab(strip(m.getName(), "query"));
        Method[] slot = ops.computeIfAbsent(key, k -> new Method[3]);
        if (slot[0] == null || m.getParameterCount() < slot[0].getParameterCount()) {
          slot[0] = m;
        }
      } else if (m.getName().equals("findById") && m.getParameterCount() == 1
          && m.getReturnType() == Optional.class && ValueConverter.supports(m.getGenericParameterTypes()[0])) {
        ops.computeIfAbsent(name, k -> new Method[3])[1] = m;
      } else if (ExportFeed.class.isAssignableFrom(m.getReturnType()) && m.getParameterCount() == 1
          && m.getParameterTypes()[0] == ExportCursor.class && m.getName().startsWith("export")) {
        String key = m.getName().equals("export") ? name : name + "." + kebab(strip(m.getName(), "export"));
        ops.computeIfAbsent(key, k -> new Method[3])[2] = m;
      }
    }
    ops.forEach((key, slot) -> out.putIfAbsent(key,
        new ResourceDescriptor(area, key, path, slot[0], slot[1], slot[2])));
  }

  private static String strip(String name, String prefix) {
    if (name.startsWith(prefix) && name.length() > prefix.length()) {
      String rest = name.substring(prefix.length());
      return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }
    return name;
  }

  /** {@code glAccountTypes} -> {@code gl-account-types}. */
  static String kebab(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          sb.append('-');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Area names whose module is on the class path, in the CLI's order. */
  public List<String> areas() {
    return List.copyOf(resources.keySet());
  }

  /** Areas whose module is not on the class path (or has no {@code of(ServiceTitan)}). */
  public List<String> missingAreas() {
    return List.copyOf(missing);
  }

  /** Every resource of every area. */
  public List<ResourceDescriptor> all() {
    return resources.values().stream().flatMap(m -> m.values().stream()).collect(Collectors.toList());
  }

  /** Calls the area's entry point, such as {@code Crm.of(st)}. */
  public Object module(String area, ServiceTitan st) {
    Method of = entryPoints.get(area);
    if (of == null) {
      throw new UsageException(unknownArea(area));
    }
    return ResourceDescriptor.invoke(of, null, st);
  }

  /** The repository object of {@code resource}, reached from a fresh module entry point. */
  public Object repository(ResourceDescriptor resource, ServiceTitan st) {
    return resource.repository(module(resource.area(), st));
  }

  /**
   * Finds a resource by area and name; names match ignoring case, dashes and underscores.
   *
   * @throws UsageException naming the area or resource and listing the known ones
   */
  public ResourceDescriptor resolve(String area, String resource) {
    Map<String, ResourceDescriptor> inArea = resources.get(area.toLowerCase(Locale.ROOT));
    if (inArea == null) {
      throw new UsageException(unknownArea(area));
    }
    ResourceDescriptor d = inArea.get(resource);
    if (d == null) {
      String wanted = QueryBinder.normalize(resource);
      for (ResourceDescriptor candidate : inArea.values()) {
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
    String hint = Text.didYouMean(area, resources.keySet(), "");
    String msg = "unknown area '" + area + "'" + (hint.isEmpty() ? "" : "; " + hint) + " (known: "
        + String.join(", ", resources.keySet()) + ")";
    if (missing.contains(area.toLowerCase(Locale.ROOT))) {
      msg = "the " + area + " module is not on the class path of this build";
    }
    return msg;
  }
}
