package dev.titanj.cli.internal;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ExportRepository;
import dev.titanj.core.ListQuery;
import dev.titanj.core.OperationDescriptor;
import dev.titanj.core.QueryRepository;
import dev.titanj.core.ReadRepository;
import dev.titanj.core.Repository;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.ServiceTitan;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * One resource as the CLI sees it: the {@link ResourceDescriptor} of an installed module, named
 * on the command line {@code AREA NAME} ({@code crm customers} for {@code crm.customers}), and
 * what its repository offers through core's contracts: {@link QueryRepository} (query),
 * {@link ReadRepository} (get) and {@link ExportRepository} (export).
 */
public final class CliResource {
  private final ResourceDescriptor<?, ?> descriptor;
  private final String name;
  private final boolean list;
  private final boolean get;
  private final boolean export;
  private final Class<?> queryClass;
  private QueryBinder binder;

  /**
   * @param descriptor the resource's descriptor
   * @param probe the resource's repository on an offline client, asked only for its contracts
   *     and its query's class (no request is made)
   */
  CliResource(ResourceDescriptor<?, ?> descriptor, Repository<?, ?> probe) {
    this.descriptor = descriptor;
    this.name = descriptor.name().substring(descriptor.key().area().length() + 1);
    this.list = probe instanceof QueryRepository;
    this.get = probe instanceof ReadRepository;
    this.export = probe instanceof ExportRepository;
    this.queryClass = list ? ((QueryRepository<?, ?>) probe).query().getClass() : null;
  }

  public String area() {
    return descriptor.key().area();
  }

  /** The resource name within its area, such as {@code customers} or {@code gl-accounts.types}. */
  public String name() {
    return name;
  }

  /** {@code area.name}, the descriptor's name: {@code crm.customers}. */
  public String qualifiedName() {
    return descriptor.name();
  }

  /** {@code area name}, as typed on the command line. */
  public String label() {
    return area() + " " + name;
  }

  public ResourceDescriptor<?, ?> descriptor() {
    return descriptor;
  }

  public ResourceKey<?, ?> key() {
    return descriptor.key();
  }

  public boolean canList() {
    return list;
  }

  public boolean canGet() {
    return get;
  }

  public boolean canExport() {
    return export;
  }

  /**
   * Every operation of the resource as its descriptor declares it, listed by
   * {@code titanj resources AREA RESOURCE}; those beyond query, get and export (sub-lists,
   * secondary export feeds, writes, actions) are the Java API's.
   */
  public List<OperationDescriptor> operations() {
    return descriptor.operations();
  }

  /** The filters of the list operation. */
  public QueryBinder binder() {
    if (!list) {
      throw new UsageException(label() + " has no list operation");
    }
    if (binder == null) {
      binder = new QueryBinder(label(), queryClass);
    }
    return binder;
  }

  /** The resource's repository on {@code st}. */
  public Repository<?, ?> repository(ServiceTitan st) {
    return descriptor.repositoryOf(st);
  }

  /** A new, unfiltered query of {@code repository}. */
  public ListQuery<?, ?> newQuery(Repository<?, ?> repository) {
    if (!(repository instanceof QueryRepository)) {
      throw new UsageException(label() + " has no list operation");
    }
    return ((QueryRepository<?, ?>) repository).query();
  }

  /** Reads one record; the id is converted to the resource's id type. */
  @SuppressWarnings("unchecked")
  public Optional<?> findById(Repository<?, ?> repository, String id) {
    if (!(repository instanceof ReadRepository)) {
      throw new UsageException(label() + " has no get-by-id operation");
    }
    Object key;
    try {
      key = ValueConverter.convert(id, descriptor.key().idType());
    } catch (ValueConverter.ConversionException e) {
      throw new UsageException("id '" + id + "' is not valid for " + label() + " (expected "
          + e.getMessage() + ")");
    }
    return ((ReadRepository<?, Object>) repository).findById(key);
  }

  /** Opens the export feed at {@code cursor}. */
  public ExportFeed<?> export(Repository<?, ?> repository, ExportCursor cursor) {
    if (!(repository instanceof ExportRepository)) {
      throw new UsageException(label() + " has no export feed");
    }
    return ((ExportRepository<?, ?>) repository).export(cursor);
  }

  /** The record type that query, get and export return, for encoding and column checks. */
  public Type recordType() {
    return descriptor.key().recordType();
  }

  @Override
  public String toString() {
    return label() + (canList() ? " [query]" : "") + (canGet() ? " [get]" : "")
        + (canExport() ? " [export]" : "");
  }
}
