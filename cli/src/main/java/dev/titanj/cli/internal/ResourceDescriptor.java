package dev.titanj.cli.internal;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ListQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One resource of one module as the CLI sees it, such as {@code crm customers}: how to reach its
 * repository from the module entry point, and which of list, get and export it offers.
 */
public final class ResourceDescriptor {
  private final String area;
  private final String name;
  private final List<Method> path;
  private final Method query;
  private final Method findById;
  private final Method export;
  private QueryBinder binder;

  ResourceDescriptor(String area, String name, List<Method> path, Method query, Method findById,
      Method export) {
    this.area = area;
    this.name = name;
    this.path = List.copyOf(path);
    this.query = query;
    this.findById = findById;
    this.export = export;
  }

  public String area() {
    return area;
  }

  /** The resource name within its area, such as {@code customers} or {@code gl-accounts.types}. */
  public String name() {
    return name;
  }

  /** {@code area.name}, the name the cache settings use. */
  public String qualifiedName() {
    return area + "." + name;
  }

  /** {@code area name}, as typed on the command line. */
  public String label() {
    return area + " " + name;
  }

  public boolean canList() {
    return query != null;
  }

  public boolean canGet() {
    return findById != null;
  }

  public boolean canExport() {
    return export != null;
  }

  /** The repository methods behind this resource's list, get and export operations. */
  public List<Method> methods() {
    List<Method> out = new ArrayList<>();
    for (Method m : new Method[] {query, findById, export}) {
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /** Path parameters the list operation needs before filters (usually none). */
  public List<Class<?>> queryArguments() {
    return query == null ? List.of() : List.of(query.getParameterTypes());
  }

  /** The filters of the list operation. */
  public QueryBinder binder() {
    if (query == null) {
      throw new UsageException(label() + " has no list operation");
    }
    if (binder == null) {
      binder = new QueryBinder(label(), query.getReturnType());
    }
    return binder;
  }

  /** Walks from the module object (the result of {@code Crm.of(st)}) to the repository. */
  public Object repository(Object module) {
    Object o = module;
    for (Method m : path) {
      o = invoke(m, o);
    }
    return o;
  }

  /** A new, unfiltered query, given the list operation's path arguments as text. */
  public ListQuery<?, ?> newQuery(Object repository, List<String> args) {
    if (query == null) {
      throw new UsageException(label() + " has no list operation");
    }
    Type[] types = query.getGenericParameterTypes();
    if (args.size() != types.length) {
      throw new UsageException(label() + " takes " + types.length + " --arg value(s) ("
          + describe(types) + "), got " + args.size());
    }
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      try {
        values[i] = ValueConverter.convert(args.get(i), types[i]);
      } catch (ValueConverter.ConversionException e) {
        throw new UsageException("--arg '" + args.get(i) + "' is not valid (expected "
            + e.getMessage() + ")");
      }
    }
    return (ListQuery<?, ?>) invoke(query, repository, values);
  }

  private static String describe(Type[] types) {
    List<String> out = new ArrayList<>();
    for (Type t : types) {
      out.add(ValueConverter.describe(t));
    }
    return String.join(", ", out);
  }

  /** Reads one record; the id is converted to the type {@code findById} takes. */
  public Optional<?> findById(Object repository, String id) {
    if (findById == null) {
      throw new UsageException(label() + " has no get-by-id operation");
    }
    Object key;
    try {
      key = ValueConverter.convert(id, findById.getGenericParameterTypes()[0]);
    } catch (ValueConverter.ConversionException e) {
      throw new UsageException("id '" + id + "' is not valid for " + label() + " (expected "
          + e.getMessage() + ")");
    }
    return (Optional<?>) invoke(findById, repository, key);
  }

  /** Opens the export feed at {@code cursor}. */
  public ExportFeed<?> export(Object repository, ExportCursor cursor) {
    if (export == null) {
      throw new UsageException(label() + " has no export feed");
    }
    return (ExportFeed<?>) invoke(export, repository, cursor);
  }

  /** The record type of the list operation (or, without one, of get or export), for encoding. */
  public Type recordType() {
    Type t = query == null ? null : listQueryElement(query.getReturnType());
    if (t == null && findById != null) {
      t = firstArgument(findById.getGenericReturnType());
    }
    if (t == null && export != null) {
      t = firstArgument(export.getGenericReturnType());
    }
    return t == null ? Object.class : t;
  }

  /** The record type {@code findById} returns. */
  public Type getRecordType() {
    Type t = findById == null ? null : firstArgument(findById.getGenericReturnType());
    return t == null ? recordType() : t;
  }

  /** The record type of the export feed (export records often differ from list records). */
  public Type exportRecordType() {
    Type t = export == null ? null : firstArgument(export.getGenericReturnType());
    return t == null ? recordType() : t;
  }

  private static Type firstArgument(Type t) {
    return t instanceof ParameterizedType ? ((ParameterizedType) t).getActualTypeArguments()[0] : null;
  }

  private static Type listQueryElement(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      Type sup = k.getGenericSuperclass();
      if (sup instanceof ParameterizedType
          && ((ParameterizedType) sup).getRawType() == ListQuery.class) {
        return ((ParameterizedType) sup).getActualTypeArguments()[0];
      }
    }
    return null;
  }

  static Object invoke(Method m, Object target, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }

  @Override
  public String toString() {
    return label() + (canList() ? " [query]" : "") + (canGet() ? " [get]" : "")
        + (canExport() ? " [export]" : "");
  }
}
