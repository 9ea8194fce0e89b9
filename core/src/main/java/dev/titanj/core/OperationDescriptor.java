package dev.titanj.core;

import java.util.Objects;

/**
 * One operation of a resource as the API document declares it: its operation id, HTTP method,
 * path template (with {@code {tenant}} and the other path parameters), what the answer carries
 * and the record type inside it. Tools such as the CLI and the fake server route by these.
 *
 * @param operationId the document's {@code operationId}, such as {@code Customers_GetList}
 * @param method the HTTP method, upper case
 * @param path the path template below the API base, such as {@code crm/v2/tenant/{tenant}/customers}
 * @param shape what the response body holds
 * @param itemType the record type inside the response ({@code Void} when there is none)
 */
public record OperationDescriptor(String operationId, String method, String path, Shape shape,
    Class<?> itemType) {

  /** What a response body holds. */
  public enum Shape {
    /** A page {@code {page, pageSize, hasMore, totalCount, data}} of records. */
    PAGE,
    /** A bare JSON array of records, paged by {@code page}/{@code pageSize} until a short page. */
    ARRAY_PAGE,
    /** An export batch {@code {hasMore, continueFrom, data}}. */
    EXPORT,
    /** One record. */
    OBJECT,
    /** A bare JSON array, not paged. */
    ARRAY,
    /** A bare id. */
    ID,
    /** Nothing. */
    NONE
  }

  /** Checks the components. */
  public OperationDescriptor {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(itemType, "itemType");
  }

  /** Whether this operation reads a list, page by page. */
  public boolean isList() {
    return shape == Shape.PAGE || shape == Shape.ARRAY_PAGE;
  }
}
