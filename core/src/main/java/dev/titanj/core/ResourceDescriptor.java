package dev.titanj.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What TitanJ knows about one resource, generated from the API document and the area's
 * customization file: its key, operations, whether it is reference data (cached by default), the
 * OAuth scopes it needs, and how to reach its repository from a client. Modules announce their
 * descriptors through {@link dev.titanj.core.spi.TitanModule}; {@link ResourceCatalog} lists the
 * installed ones.
 *
 * @param key the resource key
 * @param operations every operation of the resource's repository, in document order
 * @param referenceData whether the resource is small, slow-changing data cached by default
 * @param readScope the OAuth scope reads need, such as {@code tn.crm.customers:r}
 * @param writeScope the OAuth scope writes need, such as {@code tn.crm.customers:w}
 * @param repository the repository of this resource for a client
 * @param <T> the record type
 * @param <K> the id type
 */
public record ResourceDescriptor<T, K>(ResourceKey<T, K> key, List<OperationDescriptor> operations,
    boolean referenceData, String readScope, String writeScope,
    Function<ServiceTitan, ? extends Repository<T, K>> repository) {

  /** Checks the components and copies the operation list. */
  public ResourceDescriptor {
    Objects.requireNonNull(key, "key");
    operations = List.copyOf(operations);
    Objects.requireNonNull(readScope, "readScope");
    Objects.requireNonNull(writeScope, "writeScope");
    Objects.requireNonNull(repository, "repository");
  }

  /** The resource name, {@code crm.customers}. */
  public String name() {
    return key.name();
  }

  /** The operation with this id, if the resource has it. */
  public Optional<OperationDescriptor> operation(String operationId) {
    return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
  }

  /** The repository of this resource on {@code serviceTitan}. */
  public Repository<T, K> repositoryOf(ServiceTitan serviceTitan) {
    return repository.apply(Objects.requireNonNull(serviceTitan, "serviceTitan"));
  }

  @Override
  public String toString() {
    return "ResourceDescriptor{" + key + ", " + operations.size() + " operations"
        + (referenceData ? ", reference data" : "") + "}";
  }
}
