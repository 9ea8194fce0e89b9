package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.titanj.core.spi.TitanModule;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated adapters of the installed modules ({@link TitanModule#jsonAdapters()}): a type is
 * offered to the factory of the module whose package holds it ({@code dev.titanj.crm.model.Customer}
 * to the module {@code dev.titanj.crm.CrmModule}). The modules are found through
 * {@link ServiceLoader} once per class loader, on the first type asked for; a module is
 * instantiated only when one of its types is, so the modules an application does not use cost
 * a class load each and nothing more.
 */
final class ModuleAdapterFactory implements JsonAdapter.Factory {
  private static final Object NONE = new Object();

  /** The modules a class loader sees, by the package of their {@code TitanModule} class. */
  private final Map<ClassLoader, List<Installed>> modules = new ConcurrentHashMap<>();
  /** The module, or {@link #NONE}, per package of a type asked for; per loader. */
  private final Map<ClassLoader, Map<String, Object>> byPackage = new ConcurrentHashMap<>();

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class)) {
      return null;
    }
    Class<?> raw = (Class<?>) type;
    ClassLoader loader = raw.getClassLoader();
    if (loader == null || raw.isPrimitive() || raw.isArray() || raw.isEnum()) {
      return null;
    }
    Object module = byPackage.computeIfAbsent(loader, l -> new ConcurrentHashMap<>())
        .computeIfAbsent(raw.getPackageName(), p -> find(loader, p));
    if (module == NONE) {
      return null;
    }
    // Outside computeIfAbsent: instantiating the module runs its static initialisers.
    JsonAdapter.Factory factory = ((Installed) module).factory();
    return factory == null ? null : factory.create(type, annotations, moshi);
  }

  private Object find(ClassLoader loader, String pkg) {
    Installed best = null;
    for (Installed m : modules.computeIfAbsent(loader, ModuleAdapterFactory::installed)) {
      if ((pkg.equals(m.pkg) || pkg.startsWith(m.pkg + "."))
          && (best == null || m.pkg.length() > best.pkg.length())) {
        best = m;
      }
    }
    return best == null ? NONE : best;
  }

  private static List<Installed> installed(ClassLoader loader) {
    List<Installed> out = new ArrayList<>();
    // Providers, not instances: their classes are loaded, not initialised.
    Iterator<ServiceLoader.Provider<TitanModule>> it =
        ServiceLoader.load(TitanModule.class, loader).stream().iterator();
    while (it.hasNext()) {
      ServiceLoader.Provider<TitanModule> p = it.next();
      out.add(new Installed(p.type().getPackageName(), p));
    }
    return out;
  }

  /** One module on the class path: its package and, once asked for, its adapters. */
  private static final class Installed {
    final String pkg;
    final ServiceLoader.Provider<TitanModule> provider;
    private volatile Object factory;

    Installed(String pkg, ServiceLoader.Provider<TitanModule> provider) {
      this.pkg = pkg;
      this.provider = provider;
    }

    JsonAdapter.Factory factory() {
      Object f = factory;
      if (f == null) {
        synchronized (this) {
          f = factory;
          if (f == null) {
            JsonAdapter.Factory made = provider.get().jsonAdapters();
            f = made == null ? NONE : made;
            factory = f;
          }
        }
      }
      return f == NONE ? null : (JsonAdapter.Factory) f;
    }
  }
}
