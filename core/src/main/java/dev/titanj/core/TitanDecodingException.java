package dev.titanj.core;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A response body could not be read as the expected type, such as a string where a number must
 * be, a body that is not JSON, or one that is not valid UTF-8. Names the Java type, the JSON path
 * of the field, the request path and the HTTP status of the response. Missing or null fields never
 * cause this: response types read them as empty.
 */
public class TitanDecodingException extends TitanException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String field;
  private final String requestPath;
  private final int status;

  public TitanDecodingException(String type, String field, String requestPath, Throwable cause) {
    this(type, field, requestPath, 0, cause);
  }

  /**
   * @param status the HTTP status of the response that could not be read; 0 when unknown
   */
  public TitanDecodingException(String type, String field, String requestPath, int status,
      Throwable cause) {
    super("Cannot decode " + type + (field == null ? "" : " at " + field)
        + (requestPath == null ? "" : " from " + requestPath)
        + (status <= 0 ? "" : " (HTTP " + status + ")")
        + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    this.type = type;
    this.field = field;
    this.requestPath = requestPath;
    this.status = Math.max(0, status);
  }

  /** The HTTP status of the response whose body could not be read, when known. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The Java type being decoded. */
  public String type() {
    return type;
  }

  /** The JSON path of the field that could not be read, such as {@code $.data[3].balance}. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** Method and path of the request whose response failed to decode. */
  public Optional<String> requestPath() {
    return Optional.ofNullable(requestPath);
  }
}
